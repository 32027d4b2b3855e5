using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>An attachment of a message.</summary>
public sealed record AttachmentPart
{
    /// <summary>Attachment type as the platform names it: image, audio, video, file, document, sticker, reel, ig_reel, ig_post, share, story_mention, fallback, template, location…</summary>
    [Description("Attachment type as the platform names it: image, audio, video, file, document, sticker, reel, ig_reel, ig_post, share, story_mention, fallback, template, location…")]
    public required string Type { get; init; }

    /// <summary>URL of the media (Messenger/Instagram CDN URL, fallback link); absent on WhatsApp, which gives a media_id.</summary>
    [Description("URL of the media (Messenger/Instagram CDN URL, fallback link); absent on WhatsApp, which gives a media_id.")]
    public string? Url { get; init; }

    /// <summary>WhatsApp media id (download with the Graph API); Messenger/Instagram attachment_id, reel_video_id or ig_post_media_id where given.</summary>
    [Description("WhatsApp media id (download with the Graph API); Messenger/Instagram attachment_id, reel_video_id or ig_post_media_id where given.")]
    public string? MediaId { get; init; }

    /// <summary>MIME type (WhatsApp).</summary>
    [Description("MIME type (WhatsApp).")]
    public string? MimeType { get; init; }

    /// <summary>SHA-256 of the media as WhatsApp reports it.</summary>
    [Description("SHA-256 of the media as WhatsApp reports it.")]
    public string? Sha256 { get; init; }

    /// <summary>File name (WhatsApp documents).</summary>
    [Description("File name (WhatsApp documents).")]
    public string? Filename { get; init; }

    /// <summary>Caption of the media (WhatsApp).</summary>
    [Description("Caption of the media (WhatsApp).")]
    public string? Caption { get; init; }

    /// <summary>Title (Messenger fallback/template attachments, shared posts).</summary>
    [Description("Title (Messenger fallback/template attachments, shared posts).")]
    public string? Title { get; init; }

    /// <summary>Sticker id (Messenger sticker_id).</summary>
    [Description("Sticker id (Messenger sticker_id).")]
    public string? StickerId { get; init; }

    /// <summary>True when a WhatsApp audio is a voice note.</summary>
    [Description("True when a WhatsApp audio is a voice note.")]
    public bool? Voice { get; init; }

    /// <summary>True when a WhatsApp sticker is animated.</summary>
    [Description("True when a WhatsApp sticker is animated.")]
    public bool? Animated { get; init; }
}
