using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Normalizer.Storage.Tests.SqlServer.Recording;

/// <summary>A command that logs its text when run and answers with what the <see cref="StatementLog"/> holds for it.</summary>
internal sealed class RecordingCommand(StatementLog log) : DbCommand
{
    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get; set; }

    protected override DbParameterCollection DbParameterCollection { get; } = new RecordingParameters();

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery() => log.Run(CommandText).Rows.Count;

    public override object? ExecuteScalar() => log.Run(CommandText) is { Rows.Count: > 0 } table ? table.Rows[0][0] : null;

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new RecordingParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => log.Run(CommandText).CreateDataReader();
}
