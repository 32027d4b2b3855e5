using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>The events of one webhook body, or why there are none.</summary>
public sealed record NormalizeOutcome
{
    /// <summary>The events, one per item, in payload order.</summary>
    public IReadOnlyList<NormalizedEvent> Events { get; init; } = [];

    /// <summary>Why the body could not be normalized; null on success.</summary>
    public WebhookError? Error { get; init; }

    /// <summary>The platform the body was parsed as, when known.</summary>
    public Platform? Platform { get; init; }

    internal static NormalizeOutcome Fail(WebhookErrorKind kind, string message) =>
        new() { Error = new WebhookError(kind, message) };
}
