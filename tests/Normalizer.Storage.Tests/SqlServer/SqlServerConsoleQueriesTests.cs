using Normalizer.Storage.Tests.Contracts;

namespace Normalizer.Storage.Tests.SqlServer;

public sealed class SqlServerConsoleQueriesTests : ConsoleQueriesContract<SqlServerTestDatabase>;
