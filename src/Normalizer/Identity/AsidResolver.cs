using System.Collections.Concurrent;
using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Graph;
using Normalizer.Sending;

namespace Normalizer.Identity;

/// <summary>
/// The PSIDs of many ASIDs on one Page: <c>POST /pages_id_mapping</c> with the Page's token and appsecret_proof, in calls of
/// at most 200 ASIDs with <c>ignore_invalid_ids</c>, a few calls at a time. Where Meta does not open that API to the app
/// (<see cref="IdMatchResult.EdgeUnavailable"/>), the ASIDs of that call are asked one by one through <c>ids_for_pages</c>
/// with the app's token instead. Every ASID gets an answer: its PSID, invalid, or the error of its own call only.
/// </summary>
public static class AsidResolver
{
    /// <summary>The most ASIDs one <c>pages_id_mapping</c> call takes (Meta: Page-Scoped ID API).</summary>
    public const int MaxAsidsPerCall = 200;

    /// <summary>The most Graph calls one resolve has in flight: every ID of a call counts against the Page's rate limits.</summary>
    public const int MaxConcurrentCalls = 4;

    // Meta's two answers for one set of ASIDs did not fit together (its data changed between them).
    private static readonly SendError Unsettled = new()
    {
        Kind = SendErrorKind.Transient, Message = "Meta's answers about these ASIDs disagreed; ask again.",
    };

    /// <summary>
    /// Resolves <paramref name="asids"/> on <paramref name="page"/>; the answers follow the order asked (a repeated ASID is
    /// asked once and answered at each place). <paramref name="app"/>, the app whose token <c>ids_for_pages</c> takes, is
    /// needed only when Meta refuses <c>pages_id_mapping</c>; without it the refusal is the answer.
    /// </summary>
    public static async Task<IReadOnlyList<AsidResolution>> ResolveAsync(
        IIdMatchingClient matching, PageCredentials page, AppCredentials? app, IReadOnlyList<string> asids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(asids);
        var results = new ConcurrentDictionary<string, AsidResolution>(StringComparer.Ordinal);
        var asked = new List<string>();
        foreach (var asid in asids.Distinct(StringComparer.Ordinal))
        {
            // user_ids is comma-separated: one malformed ID would fail its whole call, so it is answered here, never sent.
            if (GraphPath.IsValidId(asid) && !asid.Contains(',', StringComparison.Ordinal))
            {
                asked.Add(asid);
            }
            else
            {
                results[asid] = AsidResolution.InvalidId(asid);
            }
        }

        using var gate = new SemaphoreSlim(MaxConcurrentCalls);
        var run = new Run(matching, page, app, gate, results, cancellationToken);
        await Task.WhenAll(asked.Chunk(MaxAsidsPerCall).Select(run.CallAsync)).ConfigureAwait(false);
        return [.. asids.Select(a => results[a])];
    }

    private sealed class Run(
        IIdMatchingClient matching, PageCredentials page, AppCredentials? app, SemaphoreSlim gate,
        ConcurrentDictionary<string, AsidResolution> results, CancellationToken cancellationToken)
    {
        public async Task CallAsync(string[] asids)
        {
            var answer = await GatedAsync(() => matching.PagesIdMappingAsync(asids, page, ignoreInvalidIds: true, cancellationToken)).ConfigureAwait(false);
            if (answer.Error is null)
            {
                if (ByAsid(asids, answer.Matches) is { } psids)
                {
                    Record(asids, psids);
                }
                else
                {
                    await ProbeAsync(asids, answer.Matches).ConfigureAwait(false);
                }
            }
            else if (answer.EdgeUnavailable && app is not null)
            {
                await FallBackAsync(asids, app).ConfigureAwait(false);
            }
            else
            {
                Fail(asids, answer.Error);
            }
        }

        // With ignore_invalid_ids Meta drops invalid ASIDs silently and lists only PSIDs (Meta: Page-Scoped ID API), so once
        // some are dropped the answer no longer says whose PSID is whose. The same call without it fails naming the invalid
        // ones (error_data); the PSIDs, in the order asked, belong to the others.
        private async Task ProbeAsync(string[] asids, IReadOnlyList<IdMatch> matches)
        {
            var probe = await GatedAsync(() => matching.PagesIdMappingAsync(asids, page, ignoreInvalidIds: false, cancellationToken)).ConfigureAwait(false);
            if (probe.Error is null)
            {
                // Nothing is invalid any more: this answer names every PSID's ASID by itself.
                if (ByAsid(asids, probe.Matches) is { } psids)
                {
                    Record(asids, psids);
                }
                else
                {
                    Fail(asids, Unsettled);
                }

                return;
            }

            if (probe.InvalidIds.Count == 0)
            {
                Fail(asids, probe.Error);
                return;
            }

            var invalid = probe.InvalidIds.ToHashSet(StringComparer.Ordinal);
            var valid = asids.Where(a => !invalid.Contains(a)).ToList();
            if (valid.Count != matches.Count)
            {
                Fail(asids, Unsettled);
                return;
            }

            for (var i = 0; i < valid.Count; i++)
            {
                results[valid[i]] = AsidResolution.Found(valid[i], matches[i].Id);
            }

            foreach (var asid in asids.Where(invalid.Contains))
            {
                results[asid] = AsidResolution.InvalidId(asid);
            }
        }

        // ids_for_pages, one ASID a call, filtered to the Page; an ASID Meta does not know for the app is invalid, as in
        // pages_id_mapping.
        private Task FallBackAsync(string[] asids, AppCredentials credentials) =>
            Task.WhenAll(asids.Select(async asid =>
            {
                var answer = await GatedAsync(() => matching.IdsForPagesAsync(asid, page.PageId, credentials, cancellationToken)).ConfigureAwait(false);
                results[asid] = answer.Matches.FirstOrDefault(m => m.ScopeId == page.PageId)?.Id is { } psid ? AsidResolution.Found(asid, psid)
                    : answer.Error is null || answer.InvalidIds.Contains(asid, StringComparer.Ordinal) ? AsidResolution.InvalidId(asid)
                    : AsidResolution.Failed(asid, answer.Error);
            }));

        private async Task<IdMatchResult> GatedAsync(Func<Task<IdMatchResult>> call)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await call().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        // An ASID missing from an answer given with ignore_invalid_ids was dropped by Meta as invalid.
        private void Record(string[] asids, Dictionary<string, string> psids)
        {
            foreach (var asid in asids)
            {
                results[asid] = psids.TryGetValue(asid, out var psid) ? AsidResolution.Found(asid, psid) : AsidResolution.InvalidId(asid);
            }
        }

        private void Fail(string[] asids, SendError error)
        {
            foreach (var asid in asids)
            {
                results[asid] = AsidResolution.Failed(asid, error);
            }
        }

        // Each PSID by its ASID when every match names one of the ASIDs asked; null when the answer leaves that open.
        private static Dictionary<string, string>? ByAsid(string[] asids, IReadOnlyList<IdMatch> matches)
        {
            var psids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var match in matches)
            {
                if (match.SourceId is not { } asid || !asids.Contains(asid, StringComparer.Ordinal) || !psids.TryAdd(asid, match.Id))
                {
                    return null;
                }
            }

            return psids;
        }
    }
}
