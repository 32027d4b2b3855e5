using Normalizer.Storage.Tests.Contracts;

namespace Normalizer.Storage.Tests.Postgres;

public sealed class PostgresReplaceRaceTests : ReplaceRaceContract<PostgresTestDatabase>;
