using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>The body of <c>POST /v1/messages</c> (PRODUCT.md §6).</summary>
public sealed record SendRequest
{
    /// <summary>Channel, where <see cref="To"/> does not tell it (a scoped ID).</summary>
    public Platform? Platform { get; init; }

    /// <summary>Page / account / phone_number_id that owns the recipient ID, where it cannot be inferred.</summary>
    public string? PageId { get; init; }

    /// <summary>A scoped ID (PSID, IGSID, wa_id, BSUID), a contact id, or a conversation id (<c>conv_…</c>).</summary>
    public required string To { get; init; }

    /// <summary>What to send.</summary>
    public required OutboundMessage Message { get; init; }

    /// <summary>Messenger/Instagram: RESPONSE (default), UPDATE, MESSAGE_TAG or UTILITY.</summary>
    public string? MessagingType { get; init; }

    /// <summary>With MESSAGE_TAG: HUMAN_AGENT, CUSTOMER_FEEDBACK.</summary>
    public string? Tag { get; init; }

    /// <summary>Channels to try, in order, when the recipient is unreachable on this one.</summary>
    public IReadOnlyList<Platform>? FallbackChannels { get; init; }

    /// <summary>Keep the message and send it when the person writes again, rather than failing.</summary>
    public bool QueueIfUnreachable { get; init; }

    /// <summary>Values for a named template (<see cref="OutboundMessage.Template"/>), besides the contact's profile.</summary>
    public JsonElement? Data { get; init; }
}
