using Normalizer.Host.Options;

namespace Normalizer.Host.Tests.Options;

/// <summary>The host's own option validators, one rule at a time; messages name the key and never the value.</summary>
public sealed class HostOptionsValidatorTests
{
    private const string Secret = "s3cret-value-4e1f";

    [Fact]
    public void MetaValidate_Defaults_Succeeds()
    {
        var sut = new MetaOptionsValidator();

        Assert.True(sut.Validate(null, new MetaOptions()).Succeeded);
    }

    [Theory]
    [InlineData("", "Normalizer:Meta:AppSecrets:1 is empty")]
    [InlineData("   ", "Normalizer:Meta:AppSecrets:1 is empty")]
    [InlineData(Secret + "\n", "Normalizer:Meta:AppSecrets:1 has leading or trailing whitespace")]
    [InlineData(" " + Secret, "Normalizer:Meta:AppSecrets:1 has leading or trailing whitespace")]
    public void MetaValidate_BadAppSecret_FailsNamingItsIndexNotItsValue(string secret, string expected)
    {
        var sut = new MetaOptionsValidator();

        var result = sut.Validate(null, new MetaOptions { AppSecrets = [Secret, secret] });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void MetaValidate_VerifyTokenWithNewline_FailsWithoutTheValue()
    {
        var sut = new MetaOptionsValidator();

        var result = sut.Validate(null, new MetaOptions { VerifyToken = Secret + "\n" });

        Assert.Equal(["Normalizer:Meta:VerifyToken has leading or trailing whitespace"], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1023)]
    [InlineData(MetaOptionsValidator.MaxBodyBytesLimit + 1)]
    public void MetaValidate_MaxBodyBytesOutOfRange_FailsNamingTheKey(int bytes)
    {
        var sut = new MetaOptionsValidator();

        var result = sut.Validate(null, new MetaOptions { MaxBodyBytes = bytes });

        Assert.Equal([$"Normalizer:Meta:MaxBodyBytes must be 1024–{MetaOptionsValidator.MaxBodyBytesLimit}"], result.Failures);
    }

    [Fact]
    public void NormalizerValidate_Defaults_Succeeds()
    {
        var sut = new NormalizerOptionsValidator();

        Assert.True(sut.Validate(null, new NormalizerOptions { ApiKeys = [Secret] }).Succeeded);
    }

    [Theory]
    [InlineData("", "Normalizer:ApiKeys:0 is empty")]
    [InlineData(Secret + " ", "Normalizer:ApiKeys:0 has leading or trailing whitespace")]
    public void NormalizerValidate_BadApiKey_FailsNamingItsIndex(string key, string expected)
    {
        var sut = new NormalizerOptionsValidator();

        var result = sut.Validate(null, new NormalizerOptions { ApiKeys = [key] });

        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData(0, 60, "Normalizer:ApiKeyFailureLimit")]
    [InlineData(100_001, 60, "Normalizer:ApiKeyFailureLimit")]
    [InlineData(10, 0, "Normalizer:ApiKeyFailureWindow")]
    [InlineData(10, 2 * 86400, "Normalizer:ApiKeyFailureWindow")]
    public void NormalizerValidate_FailureLimitOutOfRange_FailsNamingTheKey(int limit, int windowSeconds, string key)
    {
        var sut = new NormalizerOptionsValidator();

        var result = sut.Validate(null, new NormalizerOptions { ApiKeyFailureLimit = limit, ApiKeyFailureWindow = TimeSpan.FromSeconds(windowSeconds) });

        Assert.StartsWith(key + " ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "Data Source=data/normalizer.db")]
    [InlineData("SQLite", "Data Source=:memory:")]
    public void StorageValidate_Sqlite_Succeeds(string provider, string connectionString)
    {
        var sut = new StorageOptionsValidator();

        Assert.True(sut.Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData("sqlserver", "Server=db.internal;Database=normalizer;User ID=normalizer;Password=x;Encrypt=True")]
    [InlineData("SqlServer", "Data Source=tcp:db,1433;Initial Catalog=n;Integrated Security=true")]
    public void StorageValidate_SqlServer_Succeeds(string provider, string connectionString)
    {
        var sut = new StorageOptionsValidator();

        Assert.True(sut.Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData("mysql", "Data Source=x.db", "Normalizer:Storage:Provider")]
    [InlineData("postgres", "Host=db;Port=notanumber", "Normalizer:Storage:ConnectionString is not a valid postgres")]
    [InlineData("sqlserver", "Server=db;Password=" + Secret + ";Colour=blue", "Normalizer:Storage:ConnectionString is not a valid sqlserver")]
    [InlineData("sqlserver", "Server=db;Connect Timeout=soon", "Normalizer:Storage:ConnectionString is not a valid sqlserver")]
    [InlineData("", "Data Source=x.db", "Normalizer:Storage:Provider")]
    [InlineData("sqlite", "", "Normalizer:Storage:ConnectionString is empty")]
    [InlineData("sqlite", "Data Source=x.db;Password=" + Secret + ";Colour=blue", "Normalizer:Storage:ConnectionString is not")]
    [InlineData("sqlite", "Password=" + Secret + ";Data Source", "Normalizer:Storage:ConnectionString is not")]
    public void StorageValidate_Bad_FailsNamingTheKeyNotTheValue(string provider, string connectionString, string expected)
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }
}
