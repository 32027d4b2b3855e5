using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Builds <see cref="ContactPart"/> from the ids on a message or status and the matching <c>value.contacts[]</c>
/// item (<c>wa_id</c>, <c>user_id</c>, <c>parent_user_id</c>, <c>profile.name</c>, <c>profile.username</c>;
/// Meta's webhook sender/recipient rules). Phone and BSUID are both kept so the two can be linked.
/// </summary>
internal static class WhatsAppContacts
{
    public static ContactPart? Build(JsonElement value, string? phone, string? bsuid, string? parentBsuid)
    {
        var contact = Match(value, phone, bsuid);
        var profile = contact?.Obj("profile"u8);
        var part = new ContactPart
        {
            WaId = phone ?? contact?.Str("wa_id"u8),
            UserId = bsuid ?? contact?.Str("user_id"u8),
            ParentUserId = parentBsuid ?? contact?.Str("parent_user_id"u8),
            Name = profile?.Str("name"u8),
            Username = profile?.Str("username"u8),
        };
        return part is { WaId: null, UserId: null, ParentUserId: null, Name: null, Username: null } ? null : part;
    }

    private static JsonElement? Match(JsonElement value, string? phone, string? bsuid)
    {
        foreach (var contact in value.Items("contacts"u8))
        {
            if ((phone is not null && contact.Str("wa_id"u8) == phone) || (bsuid is not null && contact.Str("user_id"u8) == bsuid))
            {
                return contact;
            }
        }

        return null;
    }
}
