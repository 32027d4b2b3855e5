namespace Normalizer.Identity;

/// <summary>Contacts: scoped IDs with their scope, linked into persons.</summary>
public interface IContactStore
{
    /// <summary>By contact id.</summary>
    Task<Contact?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>By (scoped ID, scope).</summary>
    Task<Contact?> FindAsync(string scopedId, string scopeId, CancellationToken cancellationToken);

    /// <summary>Every contact of a person.</summary>
    Task<IReadOnlyList<Contact>> ListByPersonAsync(string personId, CancellationToken cancellationToken);

    /// <summary>The contacts of these scoped IDs in one scope (those that exist).</summary>
    Task<IReadOnlyList<Contact>> ListByScopedIdsAsync(string scopeId, IReadOnlyList<string> scopedIds, CancellationToken cancellationToken);

    /// <summary>Every contact carrying this ASID of this app (the same ASID under another app is another identity).</summary>
    Task<IReadOnlyList<Contact>> ListByAsidAsync(AppScopedId asid, CancellationToken cancellationToken);

    /// <summary>Moves every contact of person <paramref name="fromPersonId"/> to person <paramref name="toPersonId"/>.</summary>
    Task MergePersonsAsync(string fromPersonId, string toPersonId, CancellationToken cancellationToken);

    /// <summary>
    /// The stale contacts (not active) of a scope that have an ASID, most recently seen first, at most
    /// <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<Contact>> ListStaleWithAsidAsync(string scopeId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The stale contacts of a scope whose cached profile has this <see cref="ProfileKey"/>, other than
    /// <paramref name="exceptId"/>; at most two (one is a match, two are not).
    /// </summary>
    Task<IReadOnlyList<Contact>> ListStaleByProfileAsync(string scopeId, string profileKey, string exceptId, CancellationToken cancellationToken);

    /// <summary>Marks a contact unreachable.</summary>
    Task MarkInactiveAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="contact"/> (insert, or update of the same scoped ID): person, ASID (with its app), activity
    /// and profile.
    /// </summary>
    Task SaveAsync(Contact contact, CancellationToken cancellationToken);

    /// <summary>
    /// Records what an identity lookup learned about an existing contact (its ASID with its app, person and profile, each
    /// only when given) and nothing else: its activity and the rest stay as they are now, not as they were when the lookup began.
    /// </summary>
    Task LinkAsync(string id, AppScopedId? asid, string? personId, UserProfile? profile, CancellationToken cancellationToken);
}
