using Microsoft.Extensions.DependencyInjection;

namespace Normalizer.Storage.Tests;

/// <summary>
/// What a store's contract shares: a fresh migrated store on <typeparamref name="TDatabase"/> for each test. The tests are
/// written once, in an abstract class deriving from this one with <see cref="StoreFactAttribute"/>s; each engine has a small
/// sealed class of its own (<c>Sqlite…Tests</c>, <c>Postgres…Tests</c>, <c>SqlServer…Tests</c>), whose tests are skipped,
/// saying why, where the engine is not available.
/// </summary>
public abstract class StoreContract<TDatabase> : IAsyncLifetime
    where TDatabase : ITestDatabase
{
    private TempStore? _store;

    /// <summary>Why the tests cannot run on <typeparamref name="TDatabase"/> here, or null when they can.</summary>
    public static string? Unavailable => TDatabase.Unavailable;

    /// <summary>The store of the running test.</summary>
    protected TempStore Store => _store ?? throw new InvalidOperationException("the store is created before each test");

    public async Task InitializeAsync() => _store = await TempStore.CreateAsync<TDatabase>(Configure);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Services the test adds before the store's own (a clock, settings).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }
}
