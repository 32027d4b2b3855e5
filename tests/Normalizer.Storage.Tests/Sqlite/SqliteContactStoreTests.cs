using Normalizer.Storage.Tests.Contracts;

namespace Normalizer.Storage.Tests.Sqlite;

public sealed class SqliteContactStoreTests : ContactStoreContract<SqliteTestDatabase>;
