using System.Collections.Concurrent;
using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Sending;

namespace Normalizer.Tests.Identity;

/// <summary>How the resolver reads Meta's answers: the cases the fake Graph API does not produce on its own.</summary>
public sealed class AsidResolverTests
{
    private static readonly PageCredentials Page = new()
    {
        PageId = "104523987765432", Platform = Platform.Facebook, AccessToken = "page-token", AppId = "1000000000000001", AppSecret = "secret",
    };

    private static readonly AppCredentials App = new() { AppId = "1000000000000001", Secret = "secret" };

    [Fact]
    public async Task ResolveAsync_AnswerNamesTheAsidOfEachPsid_AsksOnceAndDroppedOnesAreInvalid()
    {
        // The second ASID was dropped; the answer says whose PSID the other is, so there is nothing left to ask.
        var sut = new ScriptedMatching((asids, _) => new IdMatchResult { Matches = [new IdMatch("7723419865501234", Page.PageId, asids[0])] });

        var answers = await AsidResolver.ResolveAsync(sut, Page, App, ["10154673853349851", "10154673853349852"], CancellationToken.None);

        Assert.Equal(new[] { AsidResolution.Found("10154673853349851", "7723419865501234"), AsidResolution.InvalidId("10154673853349852") }, answers);
        Assert.Single(sut.MappingCalls);
    }

    [Fact]
    public async Task ResolveAsync_InvalidListDoesNotFitTheFirstAnswer_AnswersTransientRatherThanGuess()
    {
        // First answer: one unnamed PSID for three ASIDs. The second call names one invalid ASID, which leaves two for
        // one PSID: whose it is cannot be told.
        var sut = new ScriptedMatching((asids, ignoreInvalid) => ignoreInvalid
            ? new IdMatchResult { Matches = [new IdMatch("7723419865501234", Page.PageId)] }
            : new IdMatchResult { Error = new SendError { Kind = SendErrorKind.BadRequest, Code = 100, Message = "(#100) Invalid user ids" }, InvalidIds = [asids[2]] });

        var answers = await AsidResolver.ResolveAsync(sut, Page, App, ["10154673853349851", "10154673853349852", "10154673853349853"], CancellationToken.None);

        Assert.All(answers, a => Assert.Equal((null, false, SendErrorKind.Transient), (a.Psid, a.Invalid, a.Error?.Kind)));
        Assert.Equal(new[] { true, false }, sut.MappingCalls.Select(c => c.IgnoreInvalid));
    }

    [Fact]
    public async Task ResolveAsync_MappingRefusedWithoutAppCredentials_AnswersTheRefusalWithoutIdsForPages()
    {
        var refusal = new SendError { Kind = SendErrorKind.Permission, Code = 3, Message = "(#3) Application does not have the capability to make this API call." };
        var sut = new ScriptedMatching((_, _) => new IdMatchResult { Error = refusal, EdgeUnavailable = true });

        var answers = await AsidResolver.ResolveAsync(sut, Page, app: null, ["10154673853349851"], CancellationToken.None);

        Assert.Equal(new[] { AsidResolution.Failed("10154673853349851", refusal) }, answers);
        Assert.Equal(0, sut.IdsForPagesCalls);
    }

    [Fact]
    public async Task ResolveAsync_2001Asids_ElevenCallsFourAtATime()
    {
        // Each call is held until four are in flight: a resolver that asked one at a time would never get there.
        var sut = new ScriptedMatching((asids, _) => new IdMatchResult { Matches = [.. asids.Select(a => new IdMatch("77" + a, Page.PageId, a))] })
        {
            HoldUntilInFlight = AsidResolver.MaxConcurrentCalls,
        };
        var asids = Enumerable.Range(0, 2001).Select(i => "101546738" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var answers = await AsidResolver.ResolveAsync(sut, Page, App, asids, CancellationToken.None);

        Assert.Equal(asids.Select(a => "77" + a), answers.Select(a => a.Psid));
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 1 }, sut.MappingCalls.Select(c => c.Asids.Count).Order().Reverse());
        Assert.Equal(4, sut.MostAtOnce);
    }

    private sealed class ScriptedMatching(Func<IReadOnlyList<string>, bool, IdMatchResult> mapping) : IIdMatchingClient
    {
        private readonly TaskCompletionSource _enoughInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _mostAtOnce;
        private int _idsForPagesCalls;

        public ConcurrentQueue<(IReadOnlyList<string> Asids, bool IgnoreInvalid)> MappingCalls { get; } = new();

        public int HoldUntilInFlight { get; init; }

        public int MostAtOnce => _mostAtOnce;

        public int IdsForPagesCalls => _idsForPagesCalls;

        public Platform Platform => Platform.Facebook;

        public Task<IdMatchResult> IdsForPagesAsync(string asid, string? pageId, AppCredentials app, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _idsForPagesCalls);
            return Task.FromResult(new IdMatchResult());
        }

        public Task<IdMatchResult> IdsForAppsAsync(string psid, PageCredentials page, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not asked by the resolver");

        public async Task<IdMatchResult> PagesIdMappingAsync(
            IReadOnlyList<string> asids, PageCredentials page, bool ignoreInvalidIds, CancellationToken cancellationToken)
        {
            MappingCalls.Enqueue((asids, ignoreInvalidIds));
            var now = Interlocked.Increment(ref _inFlight);
            var seen = _mostAtOnce;
            while (now > seen && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
            {
                seen = _mostAtOnce;
            }

            try
            {
                if (now >= HoldUntilInFlight)
                {
                    _enoughInFlight.TrySetResult();
                }

                await _enoughInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                return mapping(asids, ignoreInvalidIds);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
