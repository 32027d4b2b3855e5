using BenchmarkDotNet.Running;
using Normalizer.Benchmarks;

// `bare --urls http://127.0.0.1:PORT`: the Kestrel ceiling scripts/load.sh compares the host with.
// `receiver --urls http://127.0.0.1:PORT`: a subscriber for scripts/load.sh that counts what it is delivered (Receiver).
// `drain [ROWS]`: the standalone drain figure (DrainRun).
// `deliver [EVENTS] [SUBSCRIPTIONS]`: deliveries/s of a replayed backlog to local receivers (DeliverRun).
// `normalize [CALLS] [BODY]`: the paired parse/normalize figure per body (NormalizeLoop).
if (args.Length > 0 && args[0] == "normalize")
{
    NormalizeLoop.Run(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "drain")
{
    await DrainRun.RunAsync(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "deliver")
{
    await DeliverRun.RunAsync(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "bare")
{
    await BareKestrel.RunAsync(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "receiver")
{
    await Receiver.RunAsync(args[1..]);
    return 0;
}

// Anything else goes to BenchmarkDotNet (`--filter '*'`, `--job short`, …).
BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmarks).Assembly).Run(args);
return 0;
