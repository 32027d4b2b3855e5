using Microsoft.Extensions.Logging;
using Normalizer.Channels;

namespace Normalizer.Identity;

/// <summary>
/// Joins the persons that Meta's ID matching shows to be one user (README: identity): an ASID names one user of one app, so
/// every contact that carries the same ASID of the same app, on any Page or channel, belongs to one person. The oldest
/// person (whose first contact was seen first) survives; the others' contacts move to it. Only an ASID Meta gave, or one
/// linked through the API, joins persons: a matching profile never does.
/// </summary>
public sealed partial class PersonLinker(IContactStore contacts, ILogger<PersonLinker> logger)
{
    /// <summary>How many scoped IDs one lookup of a resolve's PSIDs asks for.</summary>
    private const int LookupChunk = 500;

    /// <summary>
    /// Joins person <paramref name="personId"/> (of a contact that <paramref name="asid"/> was confirmed for) and the persons of
    /// every contact carrying <paramref name="asid"/>; returns the person that survives.
    /// </summary>
    public async Task<string> MergeAsync(string personId, AppScopedId asid, CancellationToken cancellationToken)
    {
        var sharing = await contacts.ListByAsidAsync(asid, cancellationToken).ConfigureAwait(false);
        var persons = sharing.Select(c => c.PersonId).Append(personId).Distinct(StringComparer.Ordinal).ToList();
        if (persons.Count == 1)
        {
            return personId;
        }

        var since = new List<(string Person, DateTimeOffset FirstSeen)>(persons.Count);
        foreach (var person in persons)
        {
            if (await contacts.ListByPersonAsync(person, cancellationToken).ConfigureAwait(false) is { Count: > 0 } members)
            {
                since.Add((person, members.Min(m => m.FirstSeen)));
            }
        }

        if (since.Count == 0)
        {
            return personId;
        }

        var survivor = since.OrderBy(p => p.FirstSeen).ThenBy(p => p.Person, StringComparer.Ordinal).First().Person;
        foreach (var (person, _) in since.Where(p => p.Person != survivor))
        {
            await contacts.MergePersonsAsync(person, survivor, cancellationToken).ConfigureAwait(false);
        }

        LogMerged(logger, since.Count - 1);
        return survivor;
    }

    /// <summary>
    /// What a resolve of ASIDs on <paramref name="page"/> (<c>pages_id_mapping</c>, or <c>ids_for_pages</c> where Meta refuses
    /// it) confirmed: each PSID found that is a known contact of the Page gets its ASID (of the Page's app, the only app whose
    /// ASIDs the call accepts) when it has none yet, and joins the person of every contact carrying that ASID.
    /// </summary>
    public async Task LinkResolvedAsync(PageCredentials page, IReadOnlyList<AsidResolution> resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(resolved);
        if (page.AppId is not { } appId)
        {
            return;
        }

        var found = resolved.Where(r => r.Psid is not null).DistinctBy(r => r.Asid, StringComparer.Ordinal).ToList();
        foreach (var chunk in found.Chunk(LookupChunk))
        {
            var known = (await contacts.ListByScopedIdsAsync(page.PageId, [.. chunk.Select(r => r.Psid!)], cancellationToken).ConfigureAwait(false))
                .ToDictionary(c => c.ScopedId, StringComparer.Ordinal);
            foreach (var resolution in chunk)
            {
                if (!known.TryGetValue(resolution.Psid!, out var contact))
                {
                    continue;
                }

                var asid = new AppScopedId(resolution.Asid, appId);
                if (contact.Asid is null)
                {
                    await contacts.LinkAsync(contact.Id, asid, null, null, cancellationToken).ConfigureAwait(false);
                }

                await MergeAsync(contact.PersonId, asid, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {Count} person(s) into the oldest: their contacts share an app-scoped ID")]
    private static partial void LogMerged(ILogger logger, int count);
}
