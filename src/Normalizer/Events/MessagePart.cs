using System.ComponentModel;
using System.Text.Json;

namespace Normalizer.Events;

/// <summary>
/// A message (inbound, echo, edit or deletion). On WhatsApp every <c>messages[]</c> item, reactions, edits, deletions and
/// system messages included, has a wamid of its own: that is <see cref="Id"/>.
/// </summary>
public sealed record MessagePart
{
    /// <summary>
    /// The message id: Messenger/Instagram mid or WhatsApp wamid. On WhatsApp it is the item's own wamid, also for reactions,
    /// edits, deletions and system messages: the id to deduplicate, reply to and mark as read by.
    /// </summary>
    [Description("The message id: Messenger/Instagram mid or WhatsApp wamid. On WhatsApp it is the item's own wamid, also for reactions, edits, deletions and system messages: the id to deduplicate, reply to and mark as read by.")]
    public required string Id { get; init; }

    /// <summary>text, image, audio, video, file, document, sticker, location, contacts, interactive, button, order, reaction, system, unsupported, quick_reply, story_mention, share, ig_reel, fallback, edit, deleted…</summary>
    [Description("text, image, audio, video, file, document, sticker, location, contacts, interactive, button, order, reaction, system, unsupported, quick_reply, story_mention, share, ig_reel, fallback, edit, deleted…")]
    public required string Type { get; init; }

    /// <summary>
    /// WhatsApp edit or deletion: the wamid of the message edited or deleted (Meta's <c>original_message_id</c>). Messenger and
    /// Instagram edits and deletions have no id of their own, so there <see cref="Id"/> names that message and this is absent.
    /// </summary>
    [Description("WhatsApp edit or deletion: the wamid of the message edited or deleted (Meta's original_message_id). Messenger and Instagram edits and deletions have no id of their own, so there id names that message and this is absent.")]
    public string? OriginalMessageId { get; init; }

    /// <summary>Text of the message, or the caption of its media.</summary>
    [Description("Text of the message, or the caption of its media.")]
    public string? Body { get; init; }

    /// <summary>Attachments (media, files, stickers, shares).</summary>
    [Description("Attachments (media, files, stickers, shares).")]
    public IReadOnlyList<AttachmentPart>? Attachments { get; init; }

    /// <summary>The message (or story) this message replies to.</summary>
    [Description("The message (or story) this message replies to.")]
    public ReplyToPart? ReplyTo { get; init; }

    /// <summary>Payload of the quick reply the user tapped.</summary>
    [Description("Payload of the quick reply the user tapped.")]
    public string? QuickReplyPayload { get; init; }

    /// <summary>Referral attached to the message (ads, click-to-WhatsApp).</summary>
    [Description("Referral attached to the message (ads, click-to-WhatsApp).")]
    public ReferralPart? Referral { get; init; }

    /// <summary>True when the business sent this message (message.echo).</summary>
    [Description("True when the business sent this message (message.echo).")]
    public required bool IsEcho { get; init; }

    /// <summary>WhatsApp Groups API: the group the message was sent in; the sender stays in from.</summary>
    [Description("WhatsApp Groups API: the group the message was sent in (group_id); the sender stays in from and user_id.")]
    public string? GroupId { get; init; }

    /// <summary>WhatsApp: the message was forwarded.</summary>
    [Description("WhatsApp: the message was forwarded.")]
    public bool? Forwarded { get; init; }

    /// <summary>WhatsApp: the message was forwarded many times.</summary>
    [Description("WhatsApp: the message was forwarded many times.")]
    public bool? FrequentlyForwarded { get; init; }

    /// <summary>Echo: the app that sent the message, as text.</summary>
    [Description("Echo: the app that sent the message, as text.")]
    public string? AppId { get; init; }

    /// <summary>Echo: the metadata set on send.</summary>
    [Description("Echo: the metadata set on send.")]
    public string? Metadata { get; init; }

    /// <summary>Edit: how many times the message has been edited.</summary>
    [Description("Edit: how many times the message has been edited.")]
    public long? EditCount { get; init; }

    /// <summary>A shared location.</summary>
    [Description("A shared location.")]
    public LocationPart? Location { get; init; }

    /// <summary>WhatsApp shared contact cards, as sent.</summary>
    [Description("WhatsApp shared contact cards, as sent.")]
    public JsonElement? Contacts { get; init; }

    /// <summary>A reply to buttons, lists or flows.</summary>
    [Description("A reply to buttons, lists or flows.")]
    public InteractivePart? Interactive { get; init; }

    /// <summary>A WhatsApp order.</summary>
    [Description("A WhatsApp order.")]
    public OrderPart? Order { get; init; }

    /// <summary>Why the message is unsupported (WhatsApp unsupported messages).</summary>
    [Description("Why the message is unsupported (WhatsApp unsupported messages).")]
    public IReadOnlyList<MetaErrorPart>? Errors { get; init; }

    /// <summary>Instagram: the message type is not supported by the API.</summary>
    [Description("Instagram: the message type is not supported by the API.")]
    public bool? IsUnsupported { get; init; }
}
