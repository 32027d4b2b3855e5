using Normalizer.Storage.Tests.Contracts;

namespace Normalizer.Storage.Tests.Sqlite;

public sealed class SqliteConsoleQueriesTests : ConsoleQueriesContract<SqliteTestDatabase>;
