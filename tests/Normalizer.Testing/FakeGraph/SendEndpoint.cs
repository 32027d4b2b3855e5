using System.Globalization;
using System.Text.Json.Nodes;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// <c>POST /{v}/{page-id}/messages</c> and <c>/me/messages</c> for Messenger and Instagram (Meta's Messenger Send API,
/// Meta: Instagram messaging API); WhatsApp numbers go on to <see cref="WhatsAppSendEndpoint"/>.
/// </summary>
internal static class SendEndpoint
{
    private static readonly HashSet<string> MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG", "UTILITY"];

    // Rejected with error 100 since 2026-04-27 (Meta's Messenger Send API).
    private static readonly HashSet<string> RetiredTags = ["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"];

    /// <summary>Finds the asset and the recipient; rejects a wrong token, a missing proof or an unknown asset.</summary>
    public static GraphResult? Identify(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        var node = request.Segments[0];
        var page = node == "me" ? info.TokenPages.FirstOrDefault() : state.Page(node);
        info.PageId = page?.Id ?? (node == "me" ? null : node);
        info.Platform = page?.Platform;
        if (GraphAuth.RequireKnownToken(info) is { } tokenError)
        {
            return tokenError;
        }

        if (page is null)
        {
            return node == "me"
                ? info.Fail(2500, message: "An active access token must be used to query information about the current user.")
                : info.NoSuchObject(request.Method, node);
        }

        if (!info.TokenPages.Any(p => p.Id == page.Id))
        {
            return info.Fail(190, message: $"Error validating access token: the token is not valid for object {page.Id}.");
        }

        if (GraphAuth.CheckProof(info) is { } proofError)
        {
            return proofError;
        }

        info.Asset = page;
        if (page.Platform == Platform.WhatsApp)
        {
            info.Subject = WhatsAppSendEndpoint.Recipient(request);
            info.ScriptTargets = [page.Id];
            return null;
        }

        var recipient = request.Object("recipient");
        var recipientId = Text(recipient?["id"]);
        info.Subject = recipientId ?? Text(recipient?["user_ref"]) ?? Text(recipient?["phone_number"]) ?? Text(recipient?["comment_id"]);

        // Facebook Login: IG accounts are messaged through the linked Page, so the recipient decides the channel.
        var owner = recipientId is null ? null
            : state.User(page.Id, recipientId) is not null ? page
            : state.PagesLinkedTo(page.Id).FirstOrDefault(ig => state.User(ig.Id, recipientId) is not null);
        info.SubjectOwner = owner;
        if (owner is not null && owner.Id != page.Id)
        {
            info.AccountId = owner.Id;
            info.Platform = owner.Platform;
        }

        info.ScriptTargets = info.AccountId is null ? [page.Id] : [page.Id, info.AccountId];
        return null;
    }

    /// <summary>The answer to an identified send: validation, unknown or reset recipients, then the message id.</summary>
    public static GraphResult Answer(FakeGraphState state, GraphCallInfo info)
    {
        var page = info.Asset!;
        if (page.Platform == Platform.WhatsApp)
        {
            return WhatsAppSendEndpoint.Answer(state, info, page);
        }

        var request = info.Request;
        var recipient = request.Object("recipient");
        var recipientId = Text(recipient?["id"]);
        if (Validate(request, info, recipient, info.Platform ?? page.Platform) is { } invalid)
        {
            return invalid;
        }

        if (recipientId is not null)
        {
            if (info.SubjectOwner is not { } owner)
            {
                return info.Fail(FakeGraphError.NoMatchingUser);
            }

            if (state.IsReset(owner.Id, recipientId))
            {
                return info.Fail(FakeGraphError.PersonUnavailable);
            }
        }

        var answer = new JsonObject();
        if (recipientId is not null)
        {
            answer["recipient_id"] = recipientId;
        }

        // Sender actions answer only recipient_id (Meta's Messenger Send API).
        if (request.String("sender_action") is null)
        {
            answer["message_id"] = "m_FAKE" + state.NextMessageNumber().ToString("D12", CultureInfo.InvariantCulture);
        }

        return GraphResult.Ok(answer);
    }

    private static GraphResult? Validate(GraphRequest request, GraphCallInfo info, JsonObject? recipient, Platform platform)
    {
        if (recipient is null || recipient.Count == 0)
        {
            return info.Fail(100, message: "(#100) The parameter recipient is required");
        }

        var message = request.Object("message");
        var senderAction = request.String("sender_action");
        if (senderAction is not null)
        {
            return message is null ? null : info.Fail(100, message: "(#100) sender_action must be sent without message");
        }

        if (message is null)
        {
            return info.Fail(100, message: "(#100) The parameter message is required");
        }

        var messagingType = request.String("messaging_type");
        var tag = request.String("tag");
        if (messagingType is null && platform == Platform.Facebook)
        {
            return info.Fail(100, message: "(#100) The parameter messaging_type is required");
        }

        if (messagingType is not null && !MessagingTypes.Contains(messagingType))
        {
            return info.Fail(100, message: $"(#100) Invalid messaging_type: {messagingType}");
        }

        if (messagingType == "MESSAGE_TAG" && tag is null)
        {
            return info.Fail(100, message: "(#100) The parameter tag is required with messaging_type MESSAGE_TAG");
        }

        if (tag is not null && (RetiredTags.Contains(tag) || (platform == Platform.Instagram && tag != "HUMAN_AGENT")))
        {
            return info.Fail(100, message: $"(#100) Tag {tag} is not allowed");
        }

        var hasContent = message["text"] is not null || message["attachment"] is not null || message["sticker_id"] is not null;
        return hasContent ? null : info.Fail(100, 2018034);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
