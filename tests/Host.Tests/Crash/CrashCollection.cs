namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// The crash test runs alone: it drives two child hosts at full load, and its time budget assumes the
/// machine's cores are not shared with the other test classes at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "Crash";
}
