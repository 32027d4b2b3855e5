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

    /// <summary>
    /// Whether the inbox lives in a store of its own (SQLite: its own file, so that appending a webhook never waits
    /// for the processor's write lock). Then its rows are marked processed after the events are committed, in a
    /// transaction of their own; events are idempotent, so a crash in between only reprocesses rows.
    /// </summary>
    bool SeparateInbox => false;

    /// <summary>Opens a connection to the inbox's store (the same store unless <see cref="SeparateInbox"/>).</summary>
    ValueTask<DbConnection> OpenInboxAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a unique-key violation (a concurrent duplicate).</summary>
    bool IsUniqueViolation(Exception exception);
}
