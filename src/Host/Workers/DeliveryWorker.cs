using Normalizer.Delivery;

namespace Normalizer.Host.Workers;

/// <summary>Runs the delivery dispatcher for the life of the host.</summary>
internal sealed class DeliveryWorker(DeliveryDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
