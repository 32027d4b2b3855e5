using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Normalizer.Testing.Databases;
using Normalizer.Testing.Subscriber;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// Several hosts on one PostgreSQL database (PRODUCT.md §8): two host processes receive the same webhooks at once, as a load
/// balancer with Meta's retries would give them, plus redeliveries; one is killed with SIGKILL halfway and started again, as
/// in a rolling deploy. Then every update must be exactly one event, both hosts must page the same log, and every event must
/// reach the subscriber, twice only if its delivery was in flight on the killed host.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class MultiInstanceTests(ITestOutputHelper output)
{
    private const string AppSecret = "multi-app-secret-31c7";
    private const string ApiKey = "multi-api-key-77e0";
    private const int Updates = 1000;
    private const int Senders = 8;
    private const int KillAfterAccepted = Updates / 2;

    // As in HostCrashTests: a delivery is sent again only if it was in a batch in flight on the killed host.
    private const int DeliveryBatch = 16;

    // A delivery the killed host put on the wire may reach the subscriber a moment after the process is gone.
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

    [Fact]
    [Trait("Store", "postgres")]
    public async Task TwoHosts_SameWebhooksToBoth_OneKilledHalfwayAndRestarted_OneEventPerUpdate_SameLog_DeliveredAtLeastOnce()
    {
        // Arrange
        using var budget = new CancellationTokenSource(Budget);
        var cancellationToken = budget.Token;
        var database = TestPostgres.NameFor("multi-" + Guid.NewGuid().ToString("N"));
        var settings = Settings(TestPostgres.Create(database));
        var directory = Directory.CreateTempSubdirectory("normalizer-multi-").FullName;
        var bodies = CrashBodies.Create(Updates, AppSecret, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        var received = new ConcurrentQueue<(string? Id, TimeSpan At)>();
        await using var subscriber = await TestSubscriber.StartAsync();
        subscriber.Respond = (request, _) =>
        {
            received.Enqueue((request.WebhookId, clock.Elapsed));
            return 200;
        };
        var hosts = new List<ChildHost>();
        try
        {
            var a = await StartAsync("a", directory, settings, hosts, cancellationToken);
            var b = await StartAsync("b", directory, settings, hosts, cancellationToken);
            string secret;
            using (var api = new HostApi(a.BaseAddress, ApiKey))
            {
                (_, secret) = await api.SubscribeAsync(subscriber.Url, cancellationToken);
            }

            // Act: every body to both hosts at once; host a is killed once it has accepted half of them.
            var all = Enumerable.Range(0, Updates).ToList();
            var killed = 0;
            var killedAt = TimeSpan.Zero;
            WebhookBurst toA, toB, redelivered;
            using (var metaA = a.MetaClient())
            using (var metaB = b.MetaClient())
            {
                var sendingToA = WebhookBurst.SendAsync(metaA, bodies, all, Senders, accepted =>
                {
                    if (accepted >= KillAfterAccepted && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        a.Kill();
                    }

                    return Volatile.Read(ref killed) == 1;
                }, cancellationToken);
                var sendingToB = WebhookBurst.SendAsync(metaB, bodies, all, Senders, null, cancellationToken);
                toA = await sendingToA;
                await a.WaitForExitAsync(cancellationToken);
                killedAt = clock.Elapsed;
                toB = await sendingToB;

                // Meta redelivers some bodies later.
                redelivered = await WebhookBurst.SendAsync(metaB, bodies, [.. all.Where(i => i % 10 == 0)], Senders, null, cancellationToken);
            }

            var restarted = await StartAsync("a-restarted", directory, settings, hosts, cancellationToken);

            // Both live hosts drained, then the log read through each.
            using var apiB = new HostApi(b.BaseAddress, ApiKey);
            using var apiRestarted = new HostApi(restarted.BaseAddress, ApiKey);
            await Poll.UntilAsync(async ct => await apiB.InboxPendingAsync(ct) == 0 && await apiRestarted.InboxPendingAsync(ct) == 0,
                "the inbox is drained", () => "rows pending", cancellationToken);
            var viaB = new List<JsonElement>();
            var viaRestarted = new List<JsonElement>();
            await apiB.ReadEventsAsync(null, viaB, cancellationToken);
            await apiRestarted.ReadEventsAsync(null, viaRestarted, cancellationToken);
            var eventIds = viaB.Select(e => e.GetProperty("id").GetString()!).ToHashSet();
            await Poll.UntilAsync(_ => Task.FromResult(eventIds.IsSubsetOf(received.Select(r => r.Id ?? ""))),
                "every event reached the subscriber", () => $"{received.Select(r => r.Id).Distinct().Count()} distinct webhook-ids received",
                cancellationToken);

            // Assert: the kill came halfway; host b accepted every body, first and again.
            Assert.Equal(137, a.ExitCode); // 128 + SIGKILL
            Assert.InRange(toA.Accepted, KillAfterAccepted, Updates - 1);
            Assert.All(all, i => Assert.Equal(200, toB.Statuses[i]));
            Assert.Equal(Updates / 10, redelivered.Accepted);

            // Every update is exactly one event, and both hosts page the same log.
            var expected = bodies.ToDictionary(body => body.UpdateId, body => body.Platform, StringComparer.Ordinal);
            var updates = viaB.Select(e => (Id: e.GetProperty("message").GetProperty("id").GetString()!, Platform: e.GetProperty("platform").GetString()!)).ToList();
            Assert.Equal(Updates, viaB.Count);
            Assert.Equal(Updates, eventIds.Count);
            Assert.All(updates, u => Assert.Equal(expected[u.Id], u.Platform));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), updates.Select(u => u.Id).Order(StringComparer.Ordinal));
            Assert.Equal(viaB.Select(e => e.GetProperty("id").GetString()), viaRestarted.Select(e => e.GetProperty("id").GetString()));

            // Deliveries: signed, each event's, and twice only for a delivery the killed host had on the wire.
            var requests = subscriber.Requests;
            Assert.All(requests, r => Assert.True(StandardWebhooks.Verify(secret, r), $"bad signature on {r.WebhookId}"));
            Assert.DoesNotContain(requests, r => r.WebhookId is null || !eventIds.Contains(r.WebhookId));
            var repeated = received.GroupBy(r => r.Id).Where(g => g.Count() > 1).ToList();
            var unexplained = repeated.Where(g => g.Count() != 2 || g.Min(r => r.At) > killedAt + InFlightGrace)
                .Select(g => $"{g.Key} at {string.Join(", ", g.Select(r => r.At.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))} s").ToList();
            Assert.True(unexplained.Count == 0,
                $"webhook-ids received again that were not in flight at the kill ({killedAt.TotalSeconds:F2} s): {string.Join("; ", unexplained.Take(10))}");
            Assert.InRange(repeated.Count, 0, 2 * DeliveryBatch);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                host a accepted {toA.Accepted} before the kill at {killedAt.TotalSeconds:F1} s; host b accepted {toB.Accepted} + {redelivered.Accepted} redelivered
                {viaB.Count} events; subscriber: {requests.Count} requests, {repeated.Count} delivered twice; done at {clock.Elapsed.TotalSeconds:F1} s
                """));
        }
        catch (Exception ex)
        {
            throw new XunitException(
                (budget.IsCancellationRequested ? $"the {Budget.TotalSeconds:F0} s budget ran out. " : "") + $"{ex.GetType().Name}: {ex.Message}\n" +
                string.Join("\n", hosts.Select(h => $"--- host {h.Name}, last output ---\n{h.Output}")), ex);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            TestPostgres.Drop(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<ChildHost> StartAsync(string name, string directory, Dictionary<string, string> settings, List<ChildHost> hosts,
        CancellationToken cancellationToken)
    {
        var host = await ChildHost.StartAsync(name, directory, settings, cancellationToken);
        hosts.Add(host);
        return host;
    }

    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Normalizer__Storage__Provider"] = "postgres",
        ["Normalizer__Storage__ConnectionString"] = connectionString,
        ["Normalizer__Meta__AppSecrets__0"] = AppSecret,
        ["Normalizer__ApiKeys__0"] = ApiKey,
        ["Normalizer__Delivery__BatchSize"] = DeliveryBatch.ToString(CultureInfo.InvariantCulture),
        // The killed host's leases are taken over once they expire.
        ["Normalizer__Delivery__LeaseDuration"] = "00:00:02",
        ["Normalizer__Delivery__AllowPrivateDestinations"] = "true",
    };
}
