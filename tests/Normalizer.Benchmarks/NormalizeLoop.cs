using System.Diagnostics;
using System.Text.Json;

namespace Normalizer.Benchmarks;

/// <summary>
/// <c>normalize [CALLS] [BODY]</c>: a paired figure that is less exposed to a noisy machine than two BenchmarkDotNet rows.
/// In one process and per body, CALLS × a bare <see cref="JsonDocument"/> parse, then CALLS × Normalize, three rounds
/// (the first warms up and is not printed): the time per body, the ratio of the two, and the bytes allocated per body.
/// </summary>
internal static class NormalizeLoop
{
    public static void Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
        var normalizer = IngestBenchmarks.CreateNormalizer();
        foreach (var (name, body) in Bodies.Normalized.Where(b => args.Length < 2 || b.Name == args[1]))
        {
            var events = normalizer.Normalize(body, IngestBenchmarks.Context).Events.Count;
            var n = Math.Max(1, calls / events);
            for (var round = 0; round < 3; round++)
            {
                var parse = Measure(n, () => JsonDocument.Parse(body).Dispose());
                var normalize = Measure(n, () => normalizer.Normalize(body, IngestBenchmarks.Context));
                if (round > 0)
                {
                    Console.WriteLine($"{name,-20} {events,2} event(s)  parse {parse.Ns,8:F0} ns  normalize {normalize.Ns,8:F0} ns"
                        + $"  ratio {normalize.Ns / parse.Ns,5:F2}  {normalize.Ns / events,6:F0} ns and {normalize.Bytes / events,5:F0} B per event"
                        + $"  ({1e9 * events / normalize.Ns:N0} events/s)");
                }
            }
        }
    }

    private static (double Ns, double Bytes) Measure(int n, Action call)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            call();
        }

        return (clock.Elapsed.TotalNanoseconds / n, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / n);
    }
}
