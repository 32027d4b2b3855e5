using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>One call to Meta made for a send.</summary>
public sealed record SendAttempt
{
    /// <summary>Channel used.</summary>
    public required Platform Platform { get; init; }

    /// <summary>Page / account / phone_number_id whose token was used.</summary>
    public required string PageId { get; init; }

    /// <summary>Recipient ID used.</summary>
    public required string To { get; init; }

    /// <summary><c>sent</c>, or the error kind (<c>invalid_recipient</c>, <c>rate_limited</c>, …).</summary>
    public required string Outcome { get; init; }

    /// <summary>Meta's message id when sent.</summary>
    public string? MessageId { get; init; }

    /// <summary>The error when not sent.</summary>
    public SendError? Error { get; init; }
}
