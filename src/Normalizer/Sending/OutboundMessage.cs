using System.ComponentModel;
using System.Text.Json;

namespace Normalizer.Sending;

/// <summary>
/// A message to send, channel-neutral; each channel's sender maps it onto its own API:
/// <c>text</c> (body, quick_replies), <c>image|audio|video|file</c> (url, caption, filename),
/// <c>buttons</c> (body, buttons), <c>list</c> (body, button, sections, WhatsApp),
/// <c>whatsapp_template</c> (an approved WhatsApp template), <c>sender_action</c> (action).
/// <c>template</c> names a stored reply template rendered into <c>body</c> before sending.
/// </summary>
public sealed record OutboundMessage
{
    /// <summary>text, image, audio, video, file, buttons, list, whatsapp_template or sender_action.</summary>
    [Description("text, image, audio, video, file, buttons, list, whatsapp_template or sender_action.")]
    public string Type { get; init; } = "text";

    /// <summary>Text, or the body of buttons/lists.</summary>
    [Description("Text, or the body of buttons/lists.")]
    public string? Body { get; init; }

    /// <summary>A stored reply template to render into <see cref="Body"/> (see /v1/templates).</summary>
    [Description("A stored reply template to render into Body (see /v1/templates).")]
    public string? Template { get; init; }

    /// <summary>Locale for the template (e.g. pt_BR); default: the contact's, then the template's default.</summary>
    [Description("Locale for the template (e.g. pt_BR); default: the contact's, then the template's default.")]
    public string? Locale { get; init; }

    /// <summary>Media URL (Meta fetches it).</summary>
    [Description("Media URL (Meta fetches it).")]
    public string? Url { get; init; }

    /// <summary>Media caption (WhatsApp).</summary>
    [Description("Media caption (WhatsApp).")]
    public string? Caption { get; init; }

    /// <summary>Document file name (WhatsApp).</summary>
    [Description("Document file name (WhatsApp).")]
    public string? Filename { get; init; }

    /// <summary>Quick replies (Messenger/Instagram; up to 13).</summary>
    [Description("Quick replies (Messenger/Instagram; up to 13).")]
    public IReadOnlyList<OutboundChoice>? QuickReplies { get; init; }

    /// <summary>Reply buttons (WhatsApp interactive, up to 3; Messenger/Instagram as quick replies).</summary>
    [Description("Reply buttons (WhatsApp interactive, up to 3; Messenger/Instagram as quick replies).")]
    public IReadOnlyList<OutboundChoice>? Buttons { get; init; }

    /// <summary>Label of the list button (WhatsApp list).</summary>
    [Description("Label of the list button (WhatsApp list).")]
    public string? Button { get; init; }

    /// <summary>List sections (WhatsApp list).</summary>
    [Description("List sections (WhatsApp list).")]
    public IReadOnlyList<OutboundListSection>? Sections { get; init; }

    /// <summary>An approved WhatsApp template: { name, language, components } passed as Meta expects it.</summary>
    [Description("An approved WhatsApp template: { name, language, components } passed as Meta expects it.")]
    public JsonElement? WhatsappTemplate { get; init; }

    /// <summary>
    /// The message's category where the channel has them (WhatsApp templates: marketing, utility, authentication). A marketing
    /// message to a customer who stopped marketing messages is refused (opted_out) without calling Meta.
    /// </summary>
    [Description("The message's category where the channel has them (WhatsApp templates: marketing, utility, authentication). A marketing message to a customer who stopped marketing messages is refused (opted_out) without calling Meta.")]
    public string? Category { get; init; }

    /// <summary>Sender action: typing_on, typing_off, mark_seen.</summary>
    [Description("Sender action: typing_on, typing_off, mark_seen.")]
    public string? Action { get; init; }

    /// <summary>Message id to reply to (Messenger reply_to.mid, WhatsApp context.message_id).</summary>
    [Description("Message id to reply to (Messenger reply_to.mid, WhatsApp context.message_id).")]
    public string? ReplyTo { get; init; }
}
