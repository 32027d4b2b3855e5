using Normalizer.Testing.Subscriber;

namespace Normalizer.Host.Tests.Workers;

/// <summary>What the delivery test classes share: hosts and subscribers they start, disposed last-first after each test.</summary>
public abstract class DeliveryTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>Disposes <paramref name="owned"/> after the test.</summary>
    protected T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    /// <summary>Disposes <paramref name="owned"/> now instead of after the test.</summary>
    protected async Task DisposeNowAsync(IAsyncDisposable owned)
    {
        _owned.Remove(owned);
        await owned.DisposeAsync();
    }

    /// <summary>A local subscriber, answering as <paramref name="respond"/> says (200 by default).</summary>
    protected async Task<TestSubscriber> SubscriberAsync(Func<SubscriberRequest, IReadOnlyCollection<SubscriberRequest>, int>? respond = null)
    {
        var subscriber = Own(await TestSubscriber.StartAsync());
        if (respond is not null)
        {
            subscriber.Respond = respond;
        }

        return subscriber;
    }
}
