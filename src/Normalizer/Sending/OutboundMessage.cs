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
    public string Type { get; init; } = "text";

    /// <summary>Text, or the body of buttons/lists.</summary>
    public string? Body { get; init; }

    /// <summary>A stored reply template to render into <see cref="Body"/> (see /v1/templates).</summary>
    public string? Template { get; init; }

    /// <summary>Locale for the template (e.g. pt_BR); default: the contact's, then the template's default.</summary>
    public string? Locale { get; init; }

    /// <summary>Media URL (Meta fetches it).</summary>
    public string? Url { get; init; }

    /// <summary>Media caption (WhatsApp).</summary>
    public string? Caption { get; init; }

    /// <summary>Document file name (WhatsApp).</summary>
    public string? Filename { get; init; }

    /// <summary>Quick replies (Messenger/Instagram; up to 13).</summary>
    public IReadOnlyList<OutboundChoice>? QuickReplies { get; init; }

    /// <summary>Reply buttons (WhatsApp interactive, up to 3; Messenger/Instagram as quick replies).</summary>
    public IReadOnlyList<OutboundChoice>? Buttons { get; init; }

    /// <summary>Label of the list button (WhatsApp list).</summary>
    public string? Button { get; init; }

    /// <summary>List sections (WhatsApp list).</summary>
    public IReadOnlyList<OutboundListSection>? Sections { get; init; }

    /// <summary>An approved WhatsApp template: { name, language, components } passed as Meta expects it.</summary>
    public JsonElement? WhatsappTemplate { get; init; }

    /// <summary>Sender action: typing_on, typing_off, mark_seen.</summary>
    public string? Action { get; init; }

    /// <summary>Message id to reply to (Messenger reply_to.mid, WhatsApp context.message_id).</summary>
    public string? ReplyTo { get; init; }
}
