using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Diagnostics;

namespace Normalizer.Tests.Diagnostics;

/// <summary>A meter factory of its own for each test, so that collectors see only the instruments that test made.</summary>
internal sealed class TestMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    public NormalizerMeter Meter => new(Factory);

    public void Dispose() => _services.Dispose();
}
