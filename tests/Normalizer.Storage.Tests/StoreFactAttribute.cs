using Xunit.Sdk;

namespace Normalizer.Storage.Tests;

/// <summary>
/// A fact of a store's contract (<see cref="StoreContract{TDatabase}"/>): skipped, with the engine's reason, in the test
/// classes whose engine is not available here (<see cref="ITestDatabase.Unavailable"/>).
/// </summary>
[XunitTestCaseDiscoverer("Normalizer.Storage.Tests.StoreFactDiscoverer", "Normalizer.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
