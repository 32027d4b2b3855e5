using System.Data;
using System.Data.Common;

namespace Normalizer.Storage.Tests.SqlServer.Recording;

/// <summary>A transaction of a <see cref="RecordingConnection"/>: commits and rollbacks (to savepoints too) do nothing.</summary>
internal sealed class RecordingTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
{
    public override IsolationLevel IsolationLevel => isolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }

    public override void Rollback(string savepointName)
    {
    }
}
