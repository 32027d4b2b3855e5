using System.Globalization;
using System.Text.Json.Nodes;

namespace Normalizer.Testing.FakeGraph;

/// <summary><c>POST /{v}/{phone-number-id}/messages</c> of the WhatsApp Cloud API (Meta's WhatsApp Cloud API messages).</summary>
internal static class WhatsAppSendEndpoint
{
    private static readonly HashSet<string> Types =
        ["text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "template", "reaction"];

    /// <summary>The recipient of a send: <c>to</c> (a phone or wa_id) wins over <c>recipient</c> (a BSUID).</summary>
    public static string? Recipient(GraphRequest request) => request.String("to") ?? request.String("recipient");

    public static GraphResult Answer(FakeGraphState state, GraphCallInfo info, FakePage number)
    {
        var request = info.Request;
        var to = request.String("to");
        var bsuid = request.String("recipient");
        if (request.String("messaging_product") != "whatsapp")
        {
            return info.Fail(new FakeGraphError(100, Message: "(#100) The parameter messaging_product is required.")
            {
                Details = "messaging_product must be \"whatsapp\"",
            });
        }

        // Mark as read (+ typing indicator) answers {"success":true}.
        if (request.String("status") == "read")
        {
            return request.String("message_id") is null
                ? info.Fail(131008, message: "(#131008) Required parameter is missing")
                : GraphResult.Ok(new JsonObject { ["success"] = true });
        }

        if (info.Subject is null)
        {
            return info.Fail(new FakeGraphError(131008) { Details = "Parameter 'to' is required" });
        }

        var type = request.String("type") ?? "text";
        if (!Types.Contains(type))
        {
            return info.Fail(new FakeGraphError(131051, Message: "(#131051) Unsupported message type") { Details = $"Type '{type}' is not supported" });
        }

        if (request.Parameters[type] is null)
        {
            return info.Fail(new FakeGraphError(131008) { Details = $"Parameter '{type}' is required" });
        }

        var contact = new JsonObject { ["input"] = info.Subject };
        if (to is not null)
        {
            // "to" wins over "recipient" (Meta's WhatsApp Cloud API messages); wa_id may differ from the input.
            var digits = Digits(to);
            if (digits.Length == 0)
            {
                return info.Fail(new FakeGraphError(131009) { Details = "Invalid 'to' parameter" });
            }

            var user = state.WhatsAppUsersOf(number.Id).FirstOrDefault(u => u.WaId == digits || (u.Phone is not null && Digits(u.Phone) == digits));
            contact["wa_id"] = user?.WaId ?? digits;
        }
        else
        {
            contact["user_id"] = bsuid;
        }

        if (state.IsReset(number.Id, to is null ? bsuid! : contact["wa_id"]!.GetValue<string>()))
        {
            return info.Fail(FakeGraphError.Undeliverable);
        }

        var id = "wamid.FAKE" + state.NextMessageNumber().ToString("D12", CultureInfo.InvariantCulture);
        return GraphResult.Ok(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(contact),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = id }),
        });
    }

    private static string Digits(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));
}
