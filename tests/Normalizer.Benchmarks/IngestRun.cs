using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Benchmarks;

/// <summary>
/// <c>ingest [ROWS] [CONCURRENCY]</c>: the write path without HTTP. CONCURRENCY appenders (default 32, like the load
/// script's connections) each append a distinct Messenger body and wait for its commit before the next, through the inbox
/// writer's group commit into a fresh temp SQLite file, until ROWS (default 40,960) are stored with their events; prints
/// webhooks/s and the process's CPU time per webhook. Wall clock, one run: compare in one session.
/// </summary>
internal static class IngestRun
{
    private const int Warmup = 8_192;

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40_960;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var database = Path.Combine(Path.GetTempPath(), $"normalizer-ingest-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<IStoreConnectionFactory>(new SqliteConnectionFactory($"Data Source={database}"));
        services.AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().AddSqlStore();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            var inbox = provider.GetRequiredService<IInbox>();
            provider.GetRequiredService<InboxWriteGate>().Backlog = false; // no rows wait: the writer stores the events
            await AppendAsync(inbox, 0, Warmup, concurrency);

            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var clock = Stopwatch.StartNew();
            await AppendAsync(inbox, Warmup, rows, concurrency);
            clock.Stop();
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            var events = await CountAsync(provider.GetRequiredService<IStoreConnectionFactory>());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {rows} webhooks at {concurrency} at once in {clock.Elapsed.TotalSeconds:F2} s = {rows / clock.Elapsed.TotalSeconds:F0} webhooks/s, " +
                $"{used.TotalMicroseconds / rows:F1} µs CPU per webhook, {(GC.GetTotalAllocatedBytes() - allocated) / rows:N0} B allocated per webhook; " +
                $"{events} events stored (after {Warmup:N0} warm-up webhooks); {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods compiled " +
                $"({(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms) meanwhile"));
        }

        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("KEEP_DB") is not null)
        {
            Console.WriteLine(database);
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    private static async Task AppendAsync(IInbox inbox, int first, int count, int concurrency)
    {
        var item = new InboxItem(new DateTimeOffset(2025, 11, 21, 8, 0, 0, TimeSpan.Zero), null, true, null, ReadOnlyMemory<byte>.Empty);
        var next = first - 1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < first + count; i = Interlocked.Increment(ref next))
            {
                await inbox.AppendAsync(item with { Body = DrainRun.Body(i) }, CancellationToken.None);
            }
        })));
    }

    private static async Task<long> CountAsync(IStoreConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
