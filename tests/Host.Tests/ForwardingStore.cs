using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Storage;

namespace Normalizer.Host.Tests;

/// <summary>
/// The store of the run with a test's change on top: every member goes to the real provider unless the test overrides it.
/// <see cref="Wrap"/> puts it in place of the host's store.
/// </summary>
public class ForwardingStore(IStoreConnectionFactory real) : IStoreConnectionFactory
{
    protected IStoreConnectionFactory Real => real;

    public virtual ISqlDialect Dialect => real.Dialect;

    public virtual bool SeparateInbox => real.SeparateInbox;

    public virtual bool Shared => real.Shared;

    public virtual bool DefersStatements => real.DefersStatements;

    /// <summary>Replaces the host's store with <paramref name="wrap"/> of it.</summary>
    public static void Wrap(IServiceCollection services, Func<IStoreConnectionFactory, IStoreConnectionFactory> wrap)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IStoreConnectionFactory));
        services.AddSingleton(provider => wrap((IStoreConnectionFactory)(registered.ImplementationInstance ?? registered.ImplementationFactory!(provider))));
    }

    public virtual ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => real.OpenAsync(cancellationToken);

    public virtual ValueTask<DbConnection> OpenInboxAsync(CancellationToken cancellationToken) => real.OpenInboxAsync(cancellationToken);

    public virtual ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        real.BeginReadAsync(connection, cancellationToken);

    public virtual ValueTask LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        real.LockLogAsync(connection, transaction, cancellationToken);

    public virtual IPreparedCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters) =>
        real.Prepare(connection, transaction, sql, parameters);

    public virtual ValueTask<long[]> InsertEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters,
        int rows, Action<IRowValues, int> bind, CancellationToken cancellationToken) =>
        real.InsertEachAsync(connection, transaction, sql, parameters, rows, bind, cancellationToken);

    public virtual ValueTask ExecuteDeferredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DeferredStatement> statements,
        CancellationToken cancellationToken) =>
        real.ExecuteDeferredAsync(connection, transaction, statements, cancellationToken);

    public virtual bool IsUniqueViolation(Exception exception) => real.IsUniqueViolation(exception);
}
