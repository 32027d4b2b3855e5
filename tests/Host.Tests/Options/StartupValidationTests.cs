using Normalizer.Testing;
namespace Normalizer.Host.Tests.Options;

/// <summary>The real host refuses to start on a bad setting and says which key is wrong, never its value.</summary>
public sealed class StartupValidationTests
{
    private const string Secret = "s3cret-value-9a7c";

    [Theory]
    [InlineData("Normalizer:Meta:MaxBodyBytes", "0", "Normalizer:Meta:MaxBodyBytes")]
    [InlineData("Normalizer:Meta:AppSecrets:1", Secret + "\n", "Normalizer:Meta:AppSecrets:1")]
    [InlineData("Normalizer:ApiKeys:1", " " + Secret, "Normalizer:ApiKeys:1")]
    [InlineData("Normalizer:ApiKeyFailureLimit", "0", "Normalizer:ApiKeyFailureLimit")]
    [InlineData("Normalizer:Send:BaseDelay", "-00:00:01", "Normalizer:Send:BaseDelay")]
    [InlineData("Normalizer:Send:MaxAttempts", "0", "Normalizer:Send:MaxAttempts")]
    [InlineData("Normalizer:Send:PermitsPerSecond", "0", "Normalizer:Send:PermitsPerSecond")]
    [InlineData("Normalizer:Delivery:BaseDelay", "00:00:00", "Normalizer:Delivery:BaseDelay")]
    [InlineData("Normalizer:Inbox:MaxAttempts", "0", "Normalizer:Inbox:MaxAttempts")]
    [InlineData("Normalizer:Inbox:RowTimeBudget", "-00:00:01", "Normalizer:Inbox:RowTimeBudget")]
    [InlineData("Normalizer:Inbox:MaxEventsPerRow", "0", "Normalizer:Inbox:MaxEventsPerRow")]
    [InlineData("Normalizer:Health:MaxInboxLag", "00:00:00", "Normalizer:Health:MaxInboxLag")]
    [InlineData("Normalizer:Health:StallAfter", "00:00:00", "Normalizer:Health:StallAfter")]
    [InlineData("Normalizer:Retention:Events", "-1.00:00:00", "Normalizer:Retention:Events")]
    [InlineData("Normalizer:Retention:BatchSize", "0", "Normalizer:Retention:BatchSize")]
    [InlineData("Normalizer:Storage:Provider", "mysql", "Normalizer:Storage:Provider")]
    [InlineData("Normalizer:Storage:ConnectionString", "Data Source=x.db;Password=" + Secret + ";Colour=blue", "Normalizer:Storage:ConnectionString")]
    public async Task Start_BadSetting_FailsNamingTheKeyNotTheValue(string key, string value, string named)
    {
        await using var sut = new NormalizerApplication(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => sut.CreateClient());

        var messages = Messages(error);
        Assert.Contains(named, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Logs.Lines(), l => l.Contains(Secret, StringComparison.Ordinal));
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join(" | ", all.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };
}
