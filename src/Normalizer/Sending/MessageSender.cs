using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Normalizer.Sending;

/// <summary>
/// The entry point of <c>POST /v1/messages</c>: validates the request (FluentValidation), then sends it as a
/// MediatR <see cref="SendMessage"/>. Invalid requests come back as validation failures, never as a call to Meta.
/// </summary>
public sealed class MessageSender(IMediator mediator, IValidator<SendRequest> validator)
{
    /// <summary>The validation failures, or the send result.</summary>
    public async Task<(IReadOnlyList<ValidationFailure> Invalid, SendResult? Result)> SendAsync(SendRequest request, CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return (check.Errors, null);
        }

        return ([], await mediator.Send(new SendMessage(request), cancellationToken).ConfigureAwait(false));
    }
}
