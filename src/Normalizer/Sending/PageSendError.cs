using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>The last send a Page's token could not make: the kind of failure, Meta's code and message, and when.</summary>
public sealed record PageSendError
{
    /// <summary>The Page, Instagram account or WhatsApp phone_number_id that sent.</summary>
    public required string PageId { get; init; }

    /// <summary>Its channel.</summary>
    public required Platform Platform { get; init; }

    /// <summary>The class of failure.</summary>
    public required SendErrorKind Kind { get; init; }

    /// <summary>Meta's error code, when Meta answered.</summary>
    public int? Code { get; init; }

    /// <summary>Meta's message (never a token).</summary>
    public required string Message { get; init; }

    /// <summary>When the send failed.</summary>
    public required DateTimeOffset At { get; init; }
}
