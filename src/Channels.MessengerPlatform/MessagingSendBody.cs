using System.Globalization;
using System.Text.Json.Nodes;
using Normalizer.Sending;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Builds the Messenger Platform Send API body that Messenger and Instagram share (Meta's Messenger Send API):
/// <c>recipient.id</c>, <c>messaging_type</c>, <c>tag</c>, <c>message.text</c> + <c>quick_replies</c> |
/// <c>message.attachment</c> | <c>sender_action</c> alone, <c>reply_to.mid</c>. Limits Meta documents and that
/// are cheap to check fail here, before any call.
/// </summary>
public static class MessagingSendBody
{
    /// <summary>Quick replies per message (Meta: Messenger Send API).</summary>
    public const int MaxQuickReplies = 13;

    /// <summary>Quick reply title length (Meta: Messenger Send API).</summary>
    public const int MaxQuickReplyTitle = 20;

    /// <summary>Quick reply payload length (Meta: Messenger Send API).</summary>
    public const int MaxQuickReplyPayload = 1000;

    private static readonly HashSet<string> MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG", "UTILITY"];
    private static readonly HashSet<string> SenderActions = ["typing_on", "typing_off", "mark_seen"];
    private static readonly HashSet<string> MediaTypes = ["image", "audio", "video", "file"];

    /// <summary>The body, or null and the reason it cannot be sent.</summary>
    public static JsonObject? Build(ChannelSendRequest request, MessagingSendRules rules, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        var message = request.Message;
        problem = null;
        if (string.IsNullOrWhiteSpace(request.Recipient.Value))
        {
            problem = "The recipient id is empty.";
            return null;
        }

        var recipient = new JsonObject { ["id"] = request.Recipient.Value };
        if (message.Type == "sender_action")
        {
            // Sent alone with recipient (Meta: Messenger Send API); react/unreact need a payload this contract has no room for.
            if (message.Action is not { } action || !SenderActions.Contains(action))
            {
                problem = "sender_action must be typing_on, typing_off or mark_seen.";
                return null;
            }

            return new JsonObject { ["recipient"] = recipient, ["sender_action"] = action };
        }

        var body = new JsonObject { ["recipient"] = recipient };
        if (!AddMessagingType(body, request, rules, out problem))
        {
            return null;
        }

        var content = BuildMessage(message, rules, out problem);
        if (content is null)
        {
            return null;
        }

        body["message"] = content;
        if (!string.IsNullOrEmpty(message.ReplyTo))
        {
            body["reply_to"] = new JsonObject { ["mid"] = message.ReplyTo };
        }

        return body;
    }

    private static bool AddMessagingType(JsonObject body, ChannelSendRequest request, MessagingSendRules rules, out string? problem)
    {
        problem = null;
        var tag = string.IsNullOrEmpty(request.Tag) ? null : request.Tag;
        // messaging_type is required (Meta: Messenger Send API); RESPONSE unless told, MESSAGE_TAG when only a tag is given.
        var type = !string.IsNullOrEmpty(request.MessagingType) ? request.MessagingType : tag is null ? "RESPONSE" : "MESSAGE_TAG";
        if (!MessagingTypes.Contains(type))
        {
            problem = "messaging_type must be RESPONSE, UPDATE, MESSAGE_TAG or UTILITY.";
            return false;
        }

        if (type == "MESSAGE_TAG" && tag is null)
        {
            problem = "messaging_type MESSAGE_TAG needs a tag.";
            return false;
        }

        // Retired tags answer error 100 since 2026-04-27; Instagram knows only HUMAN_AGENT (Meta: Messenger Send API).
        if (tag is not null && !rules.Tags.Contains(tag))
        {
            problem = "This tag is not accepted on this channel: " + string.Join(", ", rules.Tags) + " are.";
            return false;
        }

        body["messaging_type"] = type;
        if (tag is not null)
        {
            body["tag"] = tag;
        }

        return true;
    }

    private static JsonObject? BuildMessage(OutboundMessage message, MessagingSendRules rules, out string? problem)
    {
        problem = null;
        JsonObject content;
        if (message.Type is "text" or "buttons")
        {
            // Buttons become quick replies: Messenger and Instagram have no plain reply buttons (Meta: Messenger Send API).
            if (string.IsNullOrEmpty(message.Body))
            {
                problem = "The message text is empty.";
                return null;
            }

            if (message.Body.EnumerateRunes().Count() > rules.MaxTextLength)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"The message text is longer than {rules.MaxTextLength} characters.");
                return null;
            }

            content = new JsonObject { ["text"] = message.Body };
        }
        else if (MediaTypes.Contains(message.Type))
        {
            if (!IsHttpUrl(message.Url))
            {
                problem = "A media message needs an absolute http(s) url.";
                return null;
            }

            content = new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = message.Type,
                    ["payload"] = new JsonObject { ["url"] = message.Url, ["is_reusable"] = true },
                },
            };
        }
        else
        {
            problem = $"Message type '{message.Type}' cannot be sent on this channel.";
            return null;
        }

        var choices = (message.QuickReplies ?? []).Concat(message.Buttons ?? []).ToList();
        if (choices.Count > 0)
        {
            if (QuickReplies(choices, out problem) is not { } replies)
            {
                return null;
            }

            content["quick_replies"] = replies;
        }

        return content;
    }

    private static JsonArray? QuickReplies(List<OutboundChoice> choices, out string? problem)
    {
        problem = null;
        if (choices.Count > MaxQuickReplies)
        {
            problem = "At most 13 quick replies.";
            return null;
        }

        var replies = new JsonArray();
        foreach (var choice in choices)
        {
            var titleLength = choice.Title?.EnumerateRunes().Count() ?? 0;
            var payloadLength = choice.Payload?.Length ?? 0;
            if (titleLength is 0 or > MaxQuickReplyTitle || payloadLength is 0 or > MaxQuickReplyPayload)
            {
                problem = "A quick reply needs a title of 1–20 characters and a payload of 1–1000.";
                return null;
            }

            replies.Add(new JsonObject { ["content_type"] = "text", ["title"] = choice.Title, ["payload"] = choice.Payload });
        }

        return replies;
    }

    /// <summary>An absolute http or https URL.</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
