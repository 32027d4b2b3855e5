using System.Buffers;
using System.Text.Json;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// The customer's contact and its person, read with each stored event (alias <c>e</c>) rather than stored in its body: the
/// contact of <c>user_id</c> on <c>page_id</c> through the contacts' unique index, and that contact's person as it is now,
/// so that events stored before two persons merged show the surviving one.
/// </summary>
internal static class EventIdentity
{
    // What a UUID is written with: such a value needs no escaping.
    private static readonly SearchValues<char> Safe = SearchValues.Create("0123456789abcdefABCDEF-");

    /// <summary>The columns, <c>ContactId</c> and <c>PersonId</c> (null when the event has no contact).</summary>
    public const string Columns = "c.id AS ContactId, c.person_id AS PersonId";

    /// <summary>The join that gives <see cref="Columns"/>, after <c>FROM events e</c>.</summary>
    public const string Join = " LEFT JOIN contacts c ON c.scoped_id = e.user_id AND c.scope_id = e.page_id";

    /// <summary>
    /// <paramref name="body"/> (a stored event, which ends with <c>}</c>) with <c>contact_id</c> and <c>person_id</c> added as its
    /// last members, where <see cref="Events.NormalizedEvent"/> declares them: the same text as the event read and written
    /// again, without parsing it. Unchanged when there is no contact.
    /// </summary>
    public static string AddTo(string body, string? contactId, string? personId) =>
        contactId is null || personId is null || !body.EndsWith('}')
            ? body
            : $"{body.AsSpan(0, body.Length - 1)},\"contact_id\":{Quoted(contactId)},\"person_id\":{Quoted(personId)}}}";

    // Record ids are UUIDs; anything else is escaped as the serializer would.
    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAnyExcept(Safe) < 0 ? $"\"{value}\"" : JsonSerializer.Serialize(value, NormalizerJsonContext.Default.String);
}
