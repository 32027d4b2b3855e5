using Normalizer.Testing;

namespace Normalizer.Host.Tests;

public sealed class AccountLinkingIngestTests
{
    [Fact]
    public async Task PostWebhook_AccountLinked_TheAppGetsTheAuthorizationCodeAndNoLogHoldsIt()
    {
        // Arrange: every log level down to Trace; the code is watched as a secret (disposing the host checks again).
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
        });
        app.WatchSecret("PASS_THROUGH_AUTHORIZATION_CODE");

        // Act
        await app.PostWebhookAsync(Fixture.Load("messenger", "account-linking"));
        var events = await app.WaitForEventsAsync(3);
        await app.WaitForDrainAsync();

        // Assert
        var linked = events.Where(e => e.GetProperty("event").GetString() == "account.linked").ToList();
        Assert.Equal(2, linked.Count);
        Assert.All(linked, e => Assert.Equal("PASS_THROUGH_AUTHORIZATION_CODE",
            e.GetProperty("account_linking").GetProperty("authorization_code").GetString()));
        Assert.Equal("PSID", linked[0].GetProperty("user_id_type").GetString());
        Assert.NotEmpty(app.Logs.Lines());
        app.AssertNoSecretsLogged();
    }
}
