using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Normalizer.Testing.Subscriber;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// Durable ingest and at-least-once delivery across a crash (PRODUCT.md §4, §5, §10). The host runs as a child process and
/// is killed with SIGKILL in the middle of a burst of signed webhooks; it is started again on the same files, and every
/// body it never answered 200 is sent again, as Meta retries. Then every update must be exactly one event, and every
/// event must have reached the subscriber, more than once only if its delivery was in flight at the kill.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class HostCrashTests(ITestOutputHelper output)
{
    private const string AppSecret = "crash-app-secret-5e21";
    private const string ApiKey = "crash-api-key-90ab";
    private const int Updates = 3000;
    private const int Senders = 16;
    private const int FirstWave = 900;
    private const int KillAfterAccepted = 1000;

    // Normalizer:Delivery:BatchSize of the child. A delivery is sent again after a restart only if the subscriber may have had
    // it while the store did not yet say so: a batch's attempts and its cursor move are written in one transaction after
    // every POST of the batch is answered, and a committed transaction survives SIGKILL. Such a delivery belongs to the batch
    // in flight at the kill (there is one subscription and no retry), and a batch holds at most BatchSize events, each POSTed
    // once. So one kill can send at most BatchSize webhook-ids twice, and each of them was first sent before the kill.
    private const int DeliveryBatch = 16;

    private const int DeliveryConcurrency = 16;

    // Everything from the first start to the last check; on an idle 2-core machine the test takes well under half of it.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(85);

    [Fact]
    [Trait("Store", "sqlite")] // one host on SQLite files; the shared-store case is MultiInstanceTests
    public async Task Sigkill_MidBurst_RestartAndRetriesGiveOneEventPerUpdateDeliveredAtLeastOnce()
    {
        // Arrange
        using var budget = new CancellationTokenSource(Budget);
        var cancellationToken = budget.Token;
        var directory = Directory.CreateTempSubdirectory("normalizer-crash-").FullName;
        var settings = Settings(directory);
        var bodies = CrashBodies.Create(Updates, AppSecret, DateTimeOffset.UtcNow);
        var afterKill = new StrongBox<bool>(false);
        var received = new ConcurrentQueue<(string? Id, bool AfterKill)>();
        await using var subscriber = await TestSubscriber.StartAsync();
        subscriber.Respond = (request, _) =>
        {
            received.Enqueue((request.WebhookId, Volatile.Read(ref afterKill.Value)));
            return 200;
        };
        ChildHost? first = null;
        ChildHost? second = null;
        var clock = Stopwatch.StartNew();
        var stages = new List<(string Stage, TimeSpan At)>();
        try
        {
            var firstHost = first = await ChildHost.StartAsync("first", directory, settings, cancellationToken);
            stages.Add(("started", clock.Elapsed));
            string subscriptionId;
            string secret;
            using (var api = new HostApi(firstHost.BaseAddress, ApiKey))
            {
                (subscriptionId, secret) = await api.SubscribeAsync(subscriber.Url, cancellationToken);
            }

            // Act: a first wave, all acknowledged; then, once deliveries are flowing, the rest of the burst, and SIGKILL when
            // KillAfterAccepted bodies in all are acknowledged: webhooks and deliveries are both in flight at the kill.
            var killed = 0;
            WebhookBurst firstWave;
            WebhookBurst burst;
            using (var meta = firstHost.MetaClient())
            {
                firstWave = await WebhookBurst.SendAsync(meta, bodies, [.. Enumerable.Range(0, FirstWave)], Senders, null, cancellationToken);
                stages.Add(("first wave sent", clock.Elapsed));
                await Poll.UntilAsync(_ => Task.FromResult(!received.IsEmpty), "deliveries are flowing", () => "none received",
                    cancellationToken);
                stages.Add(("deliveries flowing", clock.Elapsed));
                burst = await WebhookBurst.SendAsync(meta, bodies, [.. Enumerable.Range(FirstWave, Updates - FirstWave)], Senders, accepted =>
                {
                    if (FirstWave + accepted >= KillAfterAccepted && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        firstHost.Kill();
                    }

                    return Volatile.Read(ref killed) == 1;
                }, cancellationToken);
            }

            await firstHost.WaitForExitAsync(cancellationToken);
            // A delivery the dead host got onto the wire is still answered: wait until two polls see the same count, then
            // everything received from now on comes from the second host (whose start takes seconds).
            var seen = -1;
            await Poll.UntilAsync(_ =>
            {
                var count = received.Count;
                var quiet = count == seen;
                seen = count;
                return Task.FromResult(quiet);
            }, "the subscriber is quiet", () => $"{received.Count} received", cancellationToken);
            Volatile.Write(ref afterKill.Value, true);
            stages.Add(("killed", clock.Elapsed));
            var receivedBeforeKill = received.Count;

            // The restart on the same files, and Meta's retries of every body not answered 200.
            var secondHost = second = await ChildHost.StartAsync("second", directory, settings, cancellationToken);
            stages.Add(("restarted", clock.Elapsed));
            var unacknowledged = Enumerable.Range(FirstWave, Updates - FirstWave).Where(i => burst.Statuses[i] != 200).ToList();
            WebhookBurst retries;
            using (var meta = secondHost.MetaClient())
            {
                retries = await WebhookBurst.SendAsync(meta, bodies, unacknowledged, Senders, null, cancellationToken);
            }

            stages.Add(("retries sent", clock.Elapsed));
            using var api2 = new HostApi(secondHost.BaseAddress, ApiKey);
            var events = new List<JsonElement>();
            string? cursor = null;
            await Poll.UntilAsync(async ct =>
            {
                // Inbox empty first, then the log read to its end: every processed row's events are committed by then.
                var pending = await api2.InboxPendingAsync(ct);
                cursor = await api2.ReadEventsAsync(cursor, events, ct);
                return pending == 0;
            }, "the inbox is drained", () => $"{events.Count} events so far", cancellationToken);
            stages.Add(("inbox drained", clock.Elapsed));

            var eventIds = events.Select(e => e.GetProperty("id").GetString()!).ToHashSet();
            await Poll.UntilAsync(_ => Task.FromResult(eventIds.IsSubsetOf(subscriber.Requests.Select(r => r.WebhookId ?? ""))),
                "every event reached the subscriber",
                () => $"{subscriber.Requests.Select(r => r.WebhookId).Distinct().Count()} distinct webhook-ids received", cancellationToken);
            var databasePath = Path.Combine(directory, "normalizer.db");
            var ledger = await DeliveryLedger.ReadAsync(databasePath, subscriptionId, cancellationToken);
            await Poll.UntilAsync(async ct => (ledger = await DeliveryLedger.ReadAsync(databasePath, subscriptionId, ct)).Pending == 0,
                "no delivery is pending", () => ledger.ToString(), cancellationToken);
            stages.Add(("all delivered", clock.Elapsed));

            // Assert: the kill came partway, and every answer before it was 200.
            Assert.Equal(137, firstHost.ExitCode); // 128 + SIGKILL
            Assert.All(Enumerable.Range(0, FirstWave), i => Assert.Equal(200, firstWave.Statuses[i]));
            Assert.InRange(FirstWave + burst.Accepted, KillAfterAccepted, Updates - 1);
            Assert.DoesNotContain(burst.Statuses, status => status is not (null or 200));
            Assert.All(unacknowledged, i => Assert.Equal(200, retries.Statuses[i]));

            // Every update is exactly one event.
            var expected = bodies.ToDictionary(b => b.UpdateId, b => b.Platform, StringComparer.Ordinal);
            var updates = events.Select(e => (Id: e.GetProperty("message").GetProperty("id").GetString()!, Platform: e.GetProperty("platform").GetString()!)).ToList();
            var missing = expected.Keys.Except(updates.Select(u => u.Id)).ToList();
            var unknown = updates.Where(u => !expected.TryGetValue(u.Id, out var platform) || platform != u.Platform).ToList();
            Assert.True(missing.Count == 0 && unknown.Count == 0,
                $"{missing.Count} update(s) without an event (first: {string.Join(", ", missing.Take(5))}); " +
                $"{unknown.Count} event(s) of no update or of another platform (first: {string.Join(", ", unknown.Take(5))})");
            Assert.Equal(Updates, events.Count);
            Assert.Equal(Updates, eventIds.Count);

            // Every event was delivered, and the store says so, once per event.
            Assert.Equal(new DeliveryLedger(Updates, Updates, 0, Updates, 0), ledger);
            var requests = subscriber.Requests;
            Assert.All(requests, r => Assert.True(StandardWebhooks.Verify(secret, r), $"bad signature on {r.WebhookId}"));
            Assert.DoesNotContain(requests, r => r.WebhookId is null || !eventIds.Contains(r.WebhookId));

            // Duplicates only from deliveries in flight at the kill: each sent once before it and once after, and no more of
            // them than two batches hold.
            var repeated = received.GroupBy(r => r.Id).Where(g => g.Count() > 1).ToList();
            var unexplained = repeated.Where(g => g.Count() != 2 || g.Count(r => r.AfterKill) != 1)
                .Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.AfterKill ? "after" : "before"))})").ToList();
            Assert.True(unexplained.Count == 0,
                $"webhook-ids received again other than once before the kill and once after: {string.Join("; ", unexplained.Take(10))}");
            var duplicates = requests.Count - requests.Select(r => r.WebhookId).Distinct().Count();
            Assert.Equal(repeated.Count, duplicates);
            Assert.InRange(duplicates, 0, 2 * DeliveryBatch);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                before the kill: {FirstWave + burst.Accepted} acknowledged, {burst.Unanswered} unanswered (in flight), {unacknowledged.Count - burst.Unanswered} not sent; {receivedBeforeKill} deliveries received
                after the restart: {unacknowledged.Count} sent again, all 200; {events.Count} events; subscriber: {requests.Count} requests, {requests.Count - duplicates} distinct webhook-ids, {duplicates} duplicate(s) (bound {2 * DeliveryBatch})
                {Stages(stages)}
                """));
        }
        catch (Exception ex)
        {
            throw new XunitException(
                (budget.IsCancellationRequested ? $"the {Budget.TotalSeconds:F0} s budget ran out. " : "") +
                $"{ex.GetType().Name}: {ex.Message}\nstages reached: {Stages(stages)}\n" +
                $"--- first host, last output ---\n{first?.Output}\n--- second host, last output ---\n{second?.Output}", ex);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Stages(List<(string Stage, TimeSpan At)> stages) =>
        string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.At.TotalSeconds:F1} s")));

    private static Dictionary<string, string> Settings(string directory) => new()
    {
        ["Normalizer__Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "normalizer.db")}",
        ["Normalizer__Meta__AppSecrets__0"] = AppSecret,
        ["Normalizer__ApiKeys__0"] = ApiKey,
        ["Normalizer__Delivery__MaxConcurrency"] = DeliveryConcurrency.ToString(CultureInfo.InvariantCulture),
        ["Normalizer__Delivery__BatchSize"] = DeliveryBatch.ToString(CultureInfo.InvariantCulture),
        // The killed host's leases are taken over once they expire.
        ["Normalizer__Delivery__LeaseDuration"] = "00:00:02",
        ["Normalizer__Delivery__AllowPrivateDestinations"] = "true",
    };
}
