using Xunit.Abstractions;
using Xunit.Sdk;

namespace Normalizer.Storage.Tests;

/// <summary>
/// A test of a store's contract, skipped when the engine of its class (the <c>TDatabase</c> of its
/// <see cref="StoreContract{TDatabase}"/>) is not available here, with the engine's reason.
/// </summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    // Read when the case is made and again when it is deserialized to run, so it is never stored.
    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? Unavailable(TestMethod.TestClass.Class.ToRuntimeType());

    private static string? Unavailable(Type testClass)
    {
        for (var type = testClass; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(StoreContract<>))
            {
                return (string?)type.GetProperty(nameof(StoreContract<>.Unavailable))!.GetValue(null);
            }
        }

        throw new InvalidOperationException($"{testClass.Name} has a [StoreFact] but does not derive from StoreContract<TDatabase>");
    }
}
