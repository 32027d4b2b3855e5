using System.ComponentModel;
using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>One call to Meta made for a send.</summary>
public sealed record SendAttempt
{
    /// <summary>Channel used.</summary>
    [Description("Channel used.")]
    public required Platform Platform { get; init; }

    /// <summary>Page / account / phone_number_id whose token was used.</summary>
    [Description("Page / account / phone_number_id whose token was used.")]
    public required string PageId { get; init; }

    /// <summary>Recipient ID used.</summary>
    [Description("Recipient ID used.")]
    public required string To { get; init; }

    /// <summary><c>sent</c>, or the error kind (<c>invalid_recipient</c>, <c>rate_limited</c>, …).</summary>
    [Description("sent, or the error kind (invalid_recipient, rate_limited, …).")]
    public required string Outcome { get; init; }

    /// <summary>Meta's message id when sent.</summary>
    [Description("Meta's message id when sent.")]
    public string? MessageId { get; init; }

    /// <summary>The error when not sent.</summary>
    [Description("The error when not sent.")]
    public SendError? Error { get; init; }
}
