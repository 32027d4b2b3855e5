using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using Normalizer.Storage;
using SQLitePCL;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement compiled once on the connection's SQLite handle and bound by index: Microsoft.Data.Sqlite looks every
/// parameter up by name, converts names and values to UTF-8 and builds a data reader on each run, which costs more than
/// the insert it runs. Runs in whatever transaction the connection has open (SQLite transactions belong to the
/// connection); always reset after a run, so that it never holds the transaction open. Errors surface as
/// <see cref="SqliteException"/>, as from the ADO.NET provider.
/// </summary>
internal sealed class SqlitePreparedCommand : IPreparedCommand
{
    private const int StackText = 256;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _slots;
    private readonly bool _returnsRows;

    public SqlitePreparedCommand(SqliteConnection connection, string sql, IReadOnlyList<string> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _returnsRows = raw.sqlite3_column_count(_statement) > 0;
        _slots = new int[parameters.Count];
        for (var i = 0; i < _slots.Length; i++)
        {
            // 0 when the statement does not use the name: its value is then ignored, as ADO.NET ignores unused parameters.
            _slots[i] = raw.sqlite3_bind_parameter_index(_statement, parameters[i]);
        }
    }

    public void Set(int index, string? value)
    {
        if (_slots[index] is not (> 0 and var slot))
        {
            return;
        }

        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, slot));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= StackText ? stackalloc byte[StackText] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            SetUtf8(index, buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public void Set(int index, long? value)
    {
        if (_slots[index] is not (> 0 and var slot))
        {
            return;
        }

        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, slot, v) : raw.sqlite3_bind_null(_statement, slot));
    }

    public void SetUtf8(int index, ReadOnlySpan<byte> text)
    {
        if (_slots[index] is not (> 0 and var slot))
        {
            return;
        }

        // An empty span is pinned as a null pointer, which SQLite would bind as NULL.
        Check(text.IsEmpty ? raw.sqlite3_bind_text(_statement, slot, "") : raw.sqlite3_bind_text(_statement, slot, text));
    }

    public void SetBlob(int index, ReadOnlySpan<byte> value)
    {
        if (_slots[index] is not (> 0 and var slot))
        {
            return;
        }

        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, slot, 0) : raw.sqlite3_bind_blob(_statement, slot, value));
    }

    public ValueTask<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            Finish(raw.sqlite3_step(_statement));
            return ValueTask.FromResult(raw.sqlite3_changes(_db));
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public ValueTask<long?> ExecuteInt64Async(CancellationToken cancellationToken)
    {
        try
        {
            if (!_returnsRows)
            {
                // The dialect's insert that returns its id (OnConflictDialect): the rowid, read after the insert instead of
                // through RETURNING, for which SQLite would fill a temporary table per run.
                Finish(raw.sqlite3_step(_statement));
                return ValueTask.FromResult<long?>(raw.sqlite3_changes(_db) > 0 ? raw.sqlite3_last_insert_rowid(_db) : null);
            }

            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_ROW)
            {
                Finish(rc);
                return ValueTask.FromResult<long?>(null);
            }

            long? value = raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, 0);
            Finish(raw.sqlite3_step(_statement));
            return ValueTask.FromResult(value);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    // Runs the statement to its end (an INSERT … RETURNING has done its work at the first row; the rest are read).
    private void Finish(int rc)
    {
        while (rc == raw.SQLITE_ROW)
        {
            rc = raw.sqlite3_step(_statement);
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
