using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Readers of the parts of Messenger Platform items outside conversations: account linking, policy enforcement and app
/// roles. Each is called with the reader on the part's object start and leaves it on its end.
/// </summary>
internal static class MessagingPageParts
{
    // messaging_account_linking: { status: linked | unlinked, authorization_code (linked only) }.
    public static AccountLinkingPart? AccountLinking(ref Utf8JsonReader reader)
    {
        string? status = null, code = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("status"u8)) { status = reader.ReadText(); }
            else if (reader.ValueTextEquals("authorization_code"u8)) { code = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return status is null ? null : new AccountLinkingPart { Status = status, AuthorizationCode = code };
    }

    // messaging_policy_enforcement: { action: warning | block | unblock, reason (absent on unblock) }.
    public static PolicyPart? Policy(ref Utf8JsonReader reader)
    {
        string? action = null, reason = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("action"u8)) { action = reader.ReadText(); }
            else if (reader.ValueTextEquals("reason"u8)) { reason = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return action is null ? null : new PolicyPart { Action = action, Reason = reason };
    }

    // messaging_handovers app_roles: { "<app id>": ["primary_receiver" | "secondary_receiver", ...], ... }.
    public static HandoverPart AppRoles(ref Utf8JsonReader reader)
    {
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (reader.NextProperty())
        {
            var app = reader.StringValue();
            var list = new List<string>();
            var isArray = reader.EnterArray();
            while (isArray && reader.NextItem())
            {
                if (reader.Text() is { } role)
                {
                    list.Add(role);
                }
            }

            roles[app] = list;
        }

        return new HandoverPart { Action = "app_roles", AppRoles = roles };
    }
}
