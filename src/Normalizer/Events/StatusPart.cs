using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A WhatsApp outbound message status.</summary>
public sealed record StatusPart
{
    /// <summary>The wamid of the business's message.</summary>
    [Description("The wamid of the business's message.")]
    public required string MessageId { get; init; }

    /// <summary>sent, delivered, read, failed or played.</summary>
    [Description("sent, delivered, read, failed or played.")]
    public required string Status { get; init; }

    /// <summary>The customer's phone (recipient_id), or a group id.</summary>
    [Description("The customer's phone (recipient_id), or a group id.")]
    public string? RecipientId { get; init; }

    /// <summary>The customer's BSUID (recipient_user_id).</summary>
    [Description("The customer's BSUID (recipient_user_id).")]
    public string? RecipientUserId { get; init; }

    /// <summary>WhatsApp Groups API: the group the message was sent to; the participant the status is about is the customer.</summary>
    [Description("WhatsApp Groups API: the group the message was sent to (recipient_id of a recipient_type group status); the participant the status is about is the customer.")]
    public string? GroupId { get; init; }

    /// <summary>The callback data set on send.</summary>
    [Description("The callback data set on send.")]
    public string? BizOpaqueCallbackData { get; init; }

    /// <summary>WhatsApp conversation id (only before v24.0 or in free entry-point windows).</summary>
    [Description("WhatsApp conversation id (only before v24.0 or in free entry-point windows).")]
    public string? ConversationId { get; init; }

    /// <summary>Conversation origin type.</summary>
    [Description("Conversation origin type.")]
    public string? ConversationOrigin { get; init; }

    /// <summary>Pricing category (service, utility, marketing, authentication).</summary>
    [Description("Pricing category (service, utility, marketing, authentication).")]
    public string? PricingCategory { get; init; }

    /// <summary>Pricing model (PMP, CBP).</summary>
    [Description("Pricing model (PMP, CBP).")]
    public string? PricingModel { get; init; }

    /// <summary>regular, free_customer_service or free_entry_point.</summary>
    [Description("regular, free_customer_service or free_entry_point.")]
    public string? PricingType { get; init; }

    /// <summary>Whether the message is billable.</summary>
    [Description("Whether the message is billable.")]
    public bool? Billable { get; init; }

    /// <summary>Why the message failed.</summary>
    [Description("Why the message failed.")]
    public IReadOnlyList<MetaErrorPart>? Errors { get; init; }
}
