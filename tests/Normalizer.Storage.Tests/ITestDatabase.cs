namespace Normalizer.Storage.Tests;

/// <summary>
/// A database engine the store's contract runs on (<see cref="StoreContract{TDatabase}"/>): an empty database of its own for
/// each test, dropped after, and why the engine cannot be used here when it cannot.
/// </summary>
public interface ITestDatabase
{
    /// <summary>Why the contract cannot run on this engine here (the skip reason of its tests), or null when it can.</summary>
    static abstract string? Unavailable { get; }

    /// <summary>The store's connections to it.</summary>
    IStoreConnectionFactory Connections { get; }

    /// <summary>A new, empty database.</summary>
    static abstract ITestDatabase Create();

    /// <summary>Closes the store's connections and drops the database.</summary>
    ValueTask DropAsync();
}
