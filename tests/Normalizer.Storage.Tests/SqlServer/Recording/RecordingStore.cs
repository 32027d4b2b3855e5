using System.Data.Common;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage.Dialects;

namespace Normalizer.Storage.Tests.SqlServer.Recording;

/// <summary>
/// A shared store on the SQL Server dialect (or another) whose connections record every statement instead of running it;
/// the log lock is the SQL Server provider's statement.
/// </summary>
internal sealed class RecordingStore(ISqlDialect? dialect = null) : IStoreConnectionFactory
{
    public StatementLog Log { get; } = new();

    public ISqlDialect Dialect { get; } = dialect ?? SqlServerDialect.Instance;

    public bool Shared => true;

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(new RecordingConnection(Log));

    public async ValueTask LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqlServerConnectionFactory.LockLogSql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public bool IsUniqueViolation(Exception exception) => false;
}
