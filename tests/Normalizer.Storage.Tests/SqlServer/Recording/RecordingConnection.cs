using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Normalizer.Storage.Tests.SqlServer.Recording;

/// <summary>An open ADO.NET connection that runs nothing: its commands write their text to a <see cref="StatementLog"/>.</summary>
internal sealed class RecordingConnection(StatementLog log) : DbConnection
{
    [AllowNull]
    public override string ConnectionString { get; set; } = "";

    public override string Database => "recording";

    public override string DataSource => "recording";

    public override string ServerVersion => "16.0";

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Close()
    {
    }

    public override void Open()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(log) { Connection = this };
}
