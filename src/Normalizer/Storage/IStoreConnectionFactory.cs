using System.Data.Common;

namespace Normalizer.Storage;

/// <summary>
/// The ADO.NET glue of one provider (in the host): opens configured connections and knows the provider's
/// dialect and how it reports a unique-key violation.
/// </summary>
public interface IStoreConnectionFactory
{
    /// <summary>The provider's SQL dialect.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Opens a connection with the provider's session settings applied.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a unique-key violation (a concurrent duplicate).</summary>
    bool IsUniqueViolation(Exception exception);
}
