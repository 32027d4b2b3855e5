using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normalizer.Delivery;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Benchmarks;

/// <summary>
/// <c>deliver [EVENTS] [SUBSCRIPTIONS]</c>: the delivery figure of BENCHMARKS.md. Stores EVENTS Messenger events (default
/// 100,000; a new sender every 4 messages) through the inbox and the processor into a fresh temp SQLite file, starts
/// SUBSCRIPTIONS local Kestrel receivers (default 1) answering 200 at once, creates one subscription per receiver and
/// replays the whole log to each; times from the replay until every receiver has had every event (distinct
/// <c>webhook-id</c>s) and prints deliveries/s. Wall clock, one run, receivers in the same process: compare in one session.
/// </summary>
internal static class DeliverRun
{
    public static async Task RunAsync(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var database = TempStore.NewPath("deliver");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Normalizer:Delivery:AllowPrivateDestinations"] = "true",
        }).AddEnvironmentVariables().Build();
        var receivers = new List<Receiver>();
        await using (var provider = TempStore.Services(database, configuration).AddDelivery().Services.BuildServiceProvider())
        {
            await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            await DrainRun.AppendAsync(provider.GetRequiredService<IInbox>(), 0, events);
            var stored = await DrainRun.DrainAsync(provider.GetRequiredService<InboxProcessor>());
            for (var i = 0; i < count; i++)
            {
                receivers.Add(await Receiver.StartAsync());
            }

            var registry = provider.GetRequiredService<SubscriptionRegistry>();
            var subscriptions = new List<Subscription>();
            foreach (var receiver in receivers)
            {
                var subscription = new Subscription
                {
                    Id = "sub_bench" + subscriptions.Count.ToString(CultureInfo.InvariantCulture), Url = receiver.Url,
                    Secret = WebhookSecret.Generate(), CreatedAt = DateTimeOffset.UtcNow,
                };
                await registry.AddAsync(subscription, CancellationToken.None);
                subscriptions.Add(subscription);
            }

            using var stop = new CancellationTokenSource();
            var dispatcher = provider.GetRequiredService<DeliveryDispatcher>();
            var running = Task.Run(() => dispatcher.RunAsync(stop.Token));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var deliveries = provider.GetRequiredService<IDeliveryStore>();
            foreach (var subscription in subscriptions)
            {
                await deliveries.ReplayAsync(subscription, 0, long.MaxValue, CancellationToken.None);
                dispatcher.Refresh(subscription.Id);
            }

            while (receivers.Any(r => r.Distinct < stored))
            {
                await Task.Delay(10);
            }

            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await stop.CancelAsync();
            await running;
            var total = (long)stored * count;
            var requests = receivers.Sum(r => r.Requests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"deliver: {stored} events x {count} subscription(s) = {total} deliveries in {clock.Elapsed.TotalSeconds:F2} s = {total / clock.Elapsed.TotalSeconds:F0} deliveries/s; {requests - total} duplicate request(s); CPU {cpu.TotalSeconds:F1} s ({cpu.TotalMicroseconds / total:F0} µs per delivery, host and receivers)"));
        }

        foreach (var receiver in receivers)
        {
            await receiver.DisposeAsync();
        }

        TempStore.Delete(database);
    }

    // A Kestrel receiver on a loopback port that answers 200 at once and counts distinct webhook-ids.
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, bool> _ids = new(StringComparer.Ordinal);
        private WebApplication? _app;
        private long _requests;

        public Uri Url { get; private set; } = null!;

        public int Distinct => _ids.Count;

        public long Requests => Interlocked.Read(ref _requests);

        public static async Task<Receiver> StartAsync()
        {
            var receiver = new Receiver();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/hooks", async (HttpRequest request) =>
            {
                await request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref receiver._requests);
                receiver._ids.TryAdd(request.Headers["webhook-id"].ToString(), true);
                return Results.Ok();
            });
            await app.StartAsync();
            receiver._app = app;
            receiver.Url = new Uri(app.Urls.First() + "/hooks");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
