using Normalizer.Host.Storage.Providers;
using Normalizer.Storage.Dialects;

namespace Normalizer.Storage.Tests.SqlServer;

public sealed class SqlServerConnectionFactoryTests
{
    [Fact]
    public void LockLog_ParsesAndTakesATransactionLockThatFailsWhenRefused()
    {
        TSql.AssertParses(SqlServerConnectionFactory.LockLogSql);
        Assert.Contains("@LockOwner = N'Transaction'", SqlServerConnectionFactory.LockLogSql, StringComparison.Ordinal);
        Assert.Contains("IF @granted < 0 THROW", SqlServerConnectionFactory.LockLogSql, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCheck_Parses()
    {
        TSql.AssertParses(SqlServerConnectionFactory.SnapshotAllowedSql);
    }

    [Fact]
    public void Factory_IsSharedAndSpeaksTSql()
    {
        var sut = new SqlServerConnectionFactory("Server=db.invalid;Database=n");

        Assert.Same(SqlServerDialect.Instance, sut.Dialect);
        Assert.True(((Normalizer.Storage.IStoreConnectionFactory)sut).Shared);
        Assert.False(sut.IsUniqueViolation(new InvalidOperationException("duplicate")));
    }
}
