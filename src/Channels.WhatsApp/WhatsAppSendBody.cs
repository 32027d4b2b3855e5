using System.Text.Json;
using System.Text.Json.Nodes;
using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Builds Cloud API message bodies (Meta's WhatsApp Cloud API messages). Limits Meta documents and that are cheap to check fail here
/// as bad_request: text ≤ 4096, caption ≤ 1024, 1–3 reply buttons with titles ≤ 20 and ids ≤ 256, body ≤ 1024,
/// list rows ≤ 10 with titles ≤ 24, a media link.
/// </summary>
internal static class WhatsAppSendBody
{
    public const int MaxText = 4096;
    public const int MaxCaption = 1024;
    public const int MaxInteractiveBody = 1024;
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxReplyId = 256;
    public const int MaxListRows = 10;
    public const int MaxRowTitle = 24;
    public const int MaxRowDescription = 72;

    public static JsonObject? Build(TaggedId recipient, OutboundMessage message, out string? problem)
    {
        problem = null;
        var body = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual" };
        switch (recipient.Type)
        {
            // "+" and country code: without "+" Meta prepends the business number's country code (Meta: WhatsApp Cloud API messages).
            case IdType.WaId when recipient.Value.TrimStart('+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit):
                body["to"] = "+" + digits;
                break;
            // A business-scoped user id goes in "recipient" (Meta: WhatsApp Cloud API webhooks, Meta: WhatsApp Cloud API messages).
            case IdType.WaBsuid when !string.IsNullOrWhiteSpace(recipient.Value):
                body["recipient"] = recipient.Value;
                break;
            default:
                problem = "WhatsApp sends to a wa_id (digits) or a BSUID.";
                return null;
        }

        if (!string.IsNullOrEmpty(message.ReplyTo))
        {
            body["context"] = new JsonObject { ["message_id"] = message.ReplyTo };
        }

        var (type, content) = message.Type switch
        {
            "text" when (message.QuickReplies ?? message.Buttons) is { Count: > 0 } => ("interactive", Buttons(message, out problem)),
            "text" => ("text", Text(message, out problem)),
            "image" or "audio" or "video" => (message.Type, Media(message, caption: message.Type != "audio", filename: false, out problem)),
            "file" => ("document", Media(message, caption: true, filename: true, out problem)),
            "buttons" => ("interactive", Buttons(message, out problem)),
            "list" => ("interactive", List(message, out problem)),
            "whatsapp_template" => ("template", Template(message, out problem)),
            _ => ("", Fail($"Message type '{message.Type}' cannot be sent on WhatsApp.", out problem)),
        };
        if (content is null)
        {
            return null;
        }

        body["type"] = type;
        body[type] = content;
        return body;
    }

    /// <summary>
    /// typing_on → mark the replied-to message read and show the typing indicator; mark_seen → mark it read. Both need
    /// the inbound message id in <see cref="OutboundMessage.ReplyTo"/> (Meta: WhatsApp Cloud API messages); WhatsApp has no other sender action.
    /// </summary>
    public static JsonObject? MarkRead(OutboundMessage message, out string? problem)
    {
        problem = null;
        if (message.Action is not ("typing_on" or "mark_seen"))
        {
            return Fail("WhatsApp supports only typing_on and mark_seen sender actions.", out problem);
        }

        if (string.IsNullOrEmpty(message.ReplyTo))
        {
            return Fail("A WhatsApp sender action needs reply_to: the id of the message to mark as read.", out problem);
        }

        var body = new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = message.ReplyTo };
        if (message.Action == "typing_on")
        {
            body["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        return body;
    }

    private static JsonObject? Text(OutboundMessage message, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(message.Body) || Length(message.Body) > MaxText)
        {
            return Fail("A WhatsApp text needs a body of 1–4096 characters.", out problem);
        }

        return new JsonObject { ["preview_url"] = false, ["body"] = message.Body };
    }

    private static JsonObject? Media(OutboundMessage message, bool caption, bool filename, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(message.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Fail("A media message needs an absolute http(s) url.", out problem);
        }

        var media = new JsonObject { ["link"] = message.Url };
        if (caption && !string.IsNullOrEmpty(message.Caption))
        {
            if (Length(message.Caption) > MaxCaption)
            {
                return Fail("A caption is at most 1024 characters.", out problem);
            }

            media["caption"] = message.Caption;
        }

        if (filename && !string.IsNullOrEmpty(message.Filename))
        {
            media["filename"] = message.Filename;
        }

        return media;
    }

    private static JsonObject? Buttons(OutboundMessage message, out string? problem)
    {
        problem = null;
        var choices = (message.Buttons ?? []).Concat(message.QuickReplies ?? []).ToList();
        if (choices.Count is 0 or > MaxButtons)
        {
            return Fail("WhatsApp reply buttons: 1 to 3.", out problem);
        }

        if (InteractiveBody(message, out problem) is not { } text)
        {
            return null;
        }

        var buttons = new JsonArray();
        foreach (var choice in choices)
        {
            if (!Fits(choice.Title, MaxButtonTitle) || !Fits(choice.Payload, MaxReplyId))
            {
                return Fail("A reply button needs a title of 1–20 characters and an id of 1–256.", out problem);
            }

            buttons.Add(new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = choice.Payload, ["title"] = choice.Title },
            });
        }

        return new JsonObject { ["type"] = "button", ["body"] = text, ["action"] = new JsonObject { ["buttons"] = buttons } };
    }

    private static JsonObject? List(OutboundMessage message, out string? problem)
    {
        problem = null;
        var sections = message.Sections ?? [];
        var rowCount = sections.Sum(s => s.Rows?.Count ?? 0);
        if (sections.Count == 0 || rowCount is 0 or > MaxListRows || sections.Any(s => s.Rows is not { Count: > 0 }))
        {
            return Fail("A WhatsApp list needs sections with 1 to 10 rows in all.", out problem);
        }

        if (!Fits(message.Button, MaxButtonTitle))
        {
            return Fail("A WhatsApp list needs a button label of 1–20 characters.", out problem);
        }

        if (InteractiveBody(message, out problem) is not { } text)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var section in sections)
        {
            var rows = new JsonArray();
            foreach (var row in section.Rows)
            {
                if (!Fits(row.Title, MaxRowTitle) || !Fits(row.Payload, MaxReplyId)
                    || (row.Description is not null && Length(row.Description) > MaxRowDescription))
                {
                    return Fail("A list row needs a title of 1–24 characters, an id of 1–256 and a description of at most 72.", out problem);
                }

                var item = new JsonObject { ["id"] = row.Payload, ["title"] = row.Title };
                if (!string.IsNullOrEmpty(row.Description))
                {
                    item["description"] = row.Description;
                }

                rows.Add(item);
            }

            var entry = new JsonObject();
            if (!string.IsNullOrEmpty(section.Title))
            {
                entry["title"] = section.Title;
            }

            entry["rows"] = rows;
            array.Add(entry);
        }

        return new JsonObject
        {
            ["type"] = "list",
            ["body"] = text,
            ["action"] = new JsonObject { ["button"] = message.Button, ["sections"] = array },
        };
    }

    // The approved template goes through as the caller gave it: { name, language, components } (Meta: WhatsApp Cloud API messages).
    private static JsonNode? Template(OutboundMessage message, out string? problem)
    {
        problem = null;
        if (message.WhatsappTemplate is not { ValueKind: JsonValueKind.Object } template
            || !template.TryGetProperty("name"u8, out var name) || name.ValueKind != JsonValueKind.String)
        {
            return Fail("A WhatsApp template needs an object with a name.", out problem);
        }

        return JsonNode.Parse(template.GetRawText());
    }

    private static JsonObject? InteractiveBody(OutboundMessage message, out string? problem)
    {
        problem = null;
        return Fits(message.Body, MaxInteractiveBody)
            ? new JsonObject { ["text"] = message.Body }
            : Fail("An interactive message needs a body of 1–1024 characters.", out problem);
    }

    private static bool Fits(string? text, int max) => !string.IsNullOrEmpty(text) && Length(text) <= max;

    private static int Length(string text) => text.EnumerateRunes().Count();

    private static JsonObject? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
