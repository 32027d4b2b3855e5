using Normalizer.Storage.Tests.Contracts;

namespace Normalizer.Storage.Tests.Postgres;

public sealed class PostgresConsoleQueriesTests : ConsoleQueriesContract<PostgresTestDatabase>;
