using System.Diagnostics.Metrics;

namespace Normalizer.Diagnostics;

/// <summary>
/// The one <see cref="Meter"/> of Normalizer (<see cref="Name"/>), made by the host's <see cref="IMeterFactory"/> so that each
/// host has its own instruments. Instrument names follow OpenTelemetry's conventions: <c>normalizer.</c> + dotted lowercase,
/// counts pluralized with a <c>{thing}</c> unit, durations in seconds.
/// </summary>
public sealed class NormalizerMeter
{
    /// <summary>The meter's name, the one to export (<c>AddMeter("Normalizer")</c>).</summary>
    public const string Name = "Normalizer";

    /// <summary>Creates the meter through <paramref name="factory"/>.</summary>
    public NormalizerMeter(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Meter = factory.Create(Name);
    }

    /// <summary>The meter every instrument of Normalizer is created on.</summary>
    public Meter Meter { get; }
}
