using MediatR;

namespace Normalizer.Sending;

/// <summary>Hands a validated send to the <see cref="SendService"/>.</summary>
internal sealed class SendMessageHandler(SendService service) : IRequestHandler<SendMessage, SendResult>
{
    public Task<SendResult> Handle(SendMessage request, CancellationToken cancellationToken) =>
        service.SendAsync(request.Request, cancellationToken);
}
