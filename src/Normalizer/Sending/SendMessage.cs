using MediatR;

namespace Normalizer.Sending;

/// <summary>The send pipeline's request: one <see cref="SendRequest"/> (validated by <see cref="SendRequestValidator"/>).</summary>
public sealed class SendMessage(SendRequest request) : IRequest<SendResult>
{
    /// <summary>What to send to whom.</summary>
    public SendRequest Request { get; } = request;
}
