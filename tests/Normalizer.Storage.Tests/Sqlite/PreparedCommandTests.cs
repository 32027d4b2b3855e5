using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Normalizer.Host.Storage.Providers;

namespace Normalizer.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite provider's prepared commands (bound straight to the engine) and the ADO.NET default behave alike: values by
/// position, NULL, empty text, UTF-8 text, BLOBs, RETURNING, the changed-row count, no row, and the provider's errors.
/// </summary>
public sealed class PreparedCommandTests : IAsyncLifetime
{
    private const string Table = "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, note TEXT NULL, n INTEGER NULL, data BLOB NULL)";
    private const string Insert = "INSERT INTO t (name, note, n, data) VALUES (@name, @note, @n, @data) RETURNING id";
    private static readonly string[] InsertParameters = ["@name", "@note", "@n", "@data"];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"normalizer-prepared-{Guid.NewGuid():N}.db");
    private SqliteConnectionFactory _factory = null!;
    private DbConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _factory = new SqliteConnectionFactory($"Data Source={_database}");
        _connection = await _factory.OpenAsync(CancellationToken.None);
        await _connection.ExecuteAsync(Table);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    public static TheoryData<bool> Engines => [true, false];

    private IPreparedCommand Prepare(bool direct, string sql, string[] parameters, DbTransaction? transaction = null) => direct
        ? _factory.Prepare(_connection, transaction, sql, parameters)
        : new DbPreparedCommand(_connection, transaction, sql, parameters);

    // Every value of the insert is set (ADO.NET refuses a parameter without one): the name, the rest NULL.
    private static void SetName(IPreparedCommand insert, string name)
    {
        insert.Set(0, name);
        insert.Set(1, (string?)null);
        insert.Set(2, (long?)null);
        insert.SetBlob(3, [1]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Execute_ValuesByPosition_AreStoredAsTheirSqlTypes(bool direct)
    {
        using var insert = Prepare(direct, Insert, InsertParameters);
        insert.Set(0, "héllo – 👋");
        insert.Set(1, (string?)null);
        insert.Set(2, 9_007_199_254_740_993L);
        insert.SetBlob(3, [0, 1, 255]);
        var first = await insert.ExecuteInt64Async(CancellationToken.None);
        insert.Set(0, "second");
        insert.SetUtf8(1, ""u8);
        insert.Set(2, (long?)null);
        insert.SetBlob(3, []);
        var second = await insert.ExecuteInt64Async(CancellationToken.None);
        insert.Set(0, "third");
        insert.SetUtf8(1, "{\"text\":\"grüße\"}"u8);
        var third = await insert.ExecuteInt64Async(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], new[] { first, second, third });
        var rows = (await _connection.QueryAsync<(string Name, string? Note, string NoteType, long? N, string DataType, byte[]? Data)>(
            "SELECT name, note, typeof(note), n, typeof(data), data FROM t ORDER BY id")).ToList();
        Assert.Equal(("héllo – 👋", null, "null", 9_007_199_254_740_993L, "blob"), (rows[0].Name, rows[0].Note, rows[0].NoteType, rows[0].N, rows[0].DataType));
        Assert.Equal(new byte[] { 0, 1, 255 }, rows[0].Data);
        Assert.Equal(("second", "", "text", null, "blob"), (rows[1].Name, rows[1].Note, rows[1].NoteType, rows[1].N, rows[1].DataType));
        Assert.Equal(("third", "{\"text\":\"grüße\"}", "text"), (rows[2].Name, rows[2].Note, rows[2].NoteType));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Set_LongText_IsBoundWhole(bool direct)
    {
        var text = string.Concat(Enumerable.Repeat("ab€", 5_000));
        using var insert = Prepare(direct, Insert, InsertParameters);
        SetName(insert, text);
        await insert.ExecuteInt64Async(CancellationToken.None);

        Assert.Equal(text, await _connection.QuerySingleAsync<string>("SELECT name FROM t"));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), await _connection.QuerySingleAsync<long>("SELECT length(CAST(name AS BLOB)) FROM t"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Execute_ReturnsRowsChanged_AndInt64IsNullWithoutARow(bool direct)
    {
        await _connection.ExecuteAsync("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
        using var upsert = Prepare(direct, "INSERT INTO t (name) VALUES (@name) ON CONFLICT (name) DO NOTHING", ["@name"]);
        using var find = Prepare(direct, "SELECT id FROM t WHERE name = @name", ["@name"]);
        using var update = Prepare(direct, "UPDATE t SET n = @n WHERE name <> @name", ["@n", "@name"]);

        upsert.Set(0, "a");
        Assert.Equal(0, await upsert.ExecuteAsync(CancellationToken.None));
        upsert.Set(0, "d");
        Assert.Equal(1, await upsert.ExecuteAsync(CancellationToken.None));
        find.Set(0, "c");
        Assert.Equal(3L, await find.ExecuteInt64Async(CancellationToken.None));
        find.Set(0, "zz");
        Assert.Null(await find.ExecuteInt64Async(CancellationToken.None));
        update.Set(0, 7);
        update.Set(1, "a");
        Assert.Equal(3, await update.ExecuteAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Execute_UniqueViolation_ThrowsWhatTheProviderRecognises_AndTheCommandRunsAgain(bool direct)
    {
        using var insert = Prepare(direct, Insert, InsertParameters);
        SetName(insert, "same");
        await insert.ExecuteInt64Async(CancellationToken.None);

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await insert.ExecuteInt64Async(CancellationToken.None));

        Assert.True(_factory.IsUniqueViolation(error));
        insert.Set(0, "other");
        Assert.Equal(2L, await insert.ExecuteInt64Async(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Execute_InATransaction_IsUndoneByItsRollback(bool direct)
    {
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            using var insert = Prepare(direct, Insert, InsertParameters, transaction);
            SetName(insert, "kept?");
            await insert.ExecuteInt64Async(CancellationToken.None);
            Assert.Equal(1L, await _connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM t", transaction: transaction));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await _connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public async Task DialectInsertReturningTheId_IsTheRowidWithoutRETURNING_AndNullWhenTheKeyExists()
    {
        var dialect = _factory.Dialect;
        var insertIfAbsent = dialect.InsertIfAbsentReturning("t", "name", "@name", "name", "id");
        using var ifAbsent = _factory.Prepare(_connection, null, insertIfAbsent, ["@name"]);
        using var insert = _factory.Prepare(_connection, null, dialect.InsertReturning("t", "name", "@name", "id"), ["@name"]);

        ifAbsent.Set(0, "a");
        var a = await ifAbsent.ExecuteInt64Async(CancellationToken.None);
        insert.Set(0, "b");
        var b = await insert.ExecuteInt64Async(CancellationToken.None);
        ifAbsent.Set(0, "a");
        var again = await ifAbsent.ExecuteInt64Async(CancellationToken.None);
        await _connection.ExecuteAsync("DELETE FROM t WHERE name = 'b'");
        ifAbsent.Set(0, "c");
        var c = await ifAbsent.ExecuteInt64Async(CancellationToken.None);

        Assert.DoesNotContain("RETURNING", insertIfAbsent, StringComparison.Ordinal);
        Assert.Equal(1L, a);
        Assert.Equal(2L, b);
        Assert.Null(again); // the key exists: nothing inserted, and not the rowid of the insert before it
        Assert.True(c > b, $"{c} after {b}"); // AUTOINCREMENT: the deleted last id is not handed out again
        Assert.Equal([(1L, "a"), (c!.Value, "c")], await _connection.QueryAsync<(long, string)>("SELECT id, name FROM t ORDER BY id"));
    }

    [Fact]
    public void Prepare_InvalidSql_ThrowsTheEngineError()
    {
        var error = Assert.Throws<SqliteException>(() => _factory.Prepare(_connection, null, "INSERT INTO missing VALUES (@x)", ["@x"]));

        Assert.Contains("no such table: missing", error.Message, StringComparison.Ordinal);
    }
}
