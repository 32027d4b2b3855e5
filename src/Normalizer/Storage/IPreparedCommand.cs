namespace Normalizer.Storage;

/// <summary>
/// A statement compiled once on one connection and run many times (once per event, once per webhook): set every
/// value by position (the order of the parameter names it was prepared with), then execute. Values stay bound until
/// set again. Owned by whoever prepared it (<see cref="StoreSession"/>, the inbox writer), disposed before its
/// connection.
/// </summary>
public interface IPreparedCommand : IRowValues, IDisposable
{
    /// <summary>Runs the statement in the connection's transaction; returns the number of rows it changed.</summary>
    ValueTask<int> ExecuteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the statement; returns the first column of its first row as an integer, or null without a row. SQLite: a statement
    /// without result columns (an insert of <see cref="ISqlDialect.InsertReturning"/>) returns the rowid it inserted, or null
    /// if it changed nothing.
    /// </summary>
    ValueTask<long?> ExecuteInt64Async(CancellationToken cancellationToken);
}
