using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Benchmarks;

/// <summary>
/// <c>drain [ROWS]</c>: the standalone drain figure of BENCHMARKS.md. Appends and drains 4,096 warm-up rows, then appends
/// ROWS more distinct Messenger rows (default 20,480) to the same fresh temp SQLite file through the inbox and times
/// <see cref="InboxProcessor"/> draining them (batches until the inbox is empty); prints rows/s, µs and bytes allocated
/// per row. Wall clock, one run: compare in one session.
/// </summary>
internal static class DrainRun
{
    private const int Warmup = 4_096;

    private static readonly string Template = Encoding.UTF8.GetString(Bodies.MessengerSingle);

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_480;
        var database = TempStore.NewPath("drain");
        await using (var provider = TempStore.Services(database).Services.BuildServiceProvider())
        {
            await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            var inbox = provider.GetRequiredService<IInbox>();
            var processor = provider.GetRequiredService<InboxProcessor>();
            // Warm-up: the JIT's tiers settle within a few thousand rows; a host drains for hours, so time what follows.
            await AppendAsync(inbox, 0, Warmup);
            await DrainAsync(processor);

            await AppendAsync(inbox, Warmup, rows);
            var allocated = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            var drained = await DrainAsync(processor);
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"drain: {drained} rows in {clock.Elapsed.TotalSeconds:F2} s = {drained / clock.Elapsed.TotalSeconds:F0} rows/s, {clock.Elapsed.TotalMicroseconds / drained:F1} µs per row; {(GC.GetTotalAllocatedBytes() - allocated) / drained:N0} B allocated per row (after {Warmup:N0} warm-up rows)"));
        }

        TempStore.Delete(database);
    }

    // Rows first..first+count: distinct mids, a new sender every 4 messages (conversations and contacts are both
    // inserted and updated).
    internal static async Task AppendAsync(IInbox inbox, int first, int count)
    {
        var item = new InboxItem(new DateTimeOffset(2025, 11, 21, 8, 0, 0, TimeSpan.Zero), null, true, null, Bodies.MessengerSingle);
        for (var done = first; done < first + count; done += 512)
        {
            var appends = new List<Task<long>>();
            for (var i = done; i < Math.Min(first + count, done + 512); i++)
            {
                appends.Add(inbox.AppendAsync(item with { Body = Body(i) }, CancellationToken.None));
            }

            await Task.WhenAll(appends);
        }
    }

    /// <summary>Messenger body number <paramref name="i"/>: its own mid, a new sender every 4 messages.</summary>
    internal static byte[] Body(int i) => Encoding.UTF8.GetBytes(Template
        .Replace("m_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuVwXyZ0123456789abcdef", "m_drain" + i.ToString("D20", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("\"7723419865501234\"", "\"77" + (i / 4).ToString("D14", CultureInfo.InvariantCulture) + "\"", StringComparison.Ordinal));

    internal static async Task<int> DrainAsync(InboxProcessor processor)
    {
        var drained = 0;
        int batch;
        while ((batch = await processor.ProcessNextBatchAsync(CancellationToken.None)) > 0)
        {
            drained += batch;
        }

        return drained;
    }
}
