using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace Normalizer.Host.Tests;

/// <summary>
/// The secret check every host test ends with (<see cref="NormalizerApplication.DisposeAsync"/>) must fail when a
/// secret is logged: each test logs one on purpose through the host's own logging, sees the check fail, then clears
/// the collected records so its own disposal passes.
/// </summary>
public sealed class NormalizerApplicationSecretsTests
{
    private const string PageToken = "EAAG-page-token-q81mz";
    private const string AppSecret = "app-secret-for-pages-55xk";

    public static TheoryData<string> Configured => new()
    {
        NormalizerApplication.AppSecret, NormalizerApplication.SecondAppSecret, NormalizerApplication.VerifyToken,
        NormalizerApplication.ApiKey, PageToken, AppSecret,
    };

    [Theory]
    [MemberData(nameof(Configured))]
    public async Task AssertNoSecretsLogged_ConfiguredSecretInMessage_Fails(string secret)
    {
        await using var sut = App();
        Logger(sut).LogInformation("calling with {Value}", secret);

        var error = Assert.ThrowsAny<XunitException>(sut.AssertNoSecretsLogged);

        Assert.Contains("Leak.Probe", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        sut.Logs.Clear();
    }

    [Fact]
    public async Task AssertNoSecretsLogged_SecretOnlyInAScopeAtTrace_Fails()
    {
        await using var sut = App();
        var logger = Logger(sut);
        using (logger.BeginScope(new Dictionary<string, object> { ["token"] = PageToken }))
        {
            logger.LogTrace("nothing secret in this message");
        }

        Assert.ThrowsAny<XunitException>(sut.AssertNoSecretsLogged);
        sut.Logs.Clear();
    }

    [Fact]
    public async Task AssertNoSecretsLogged_SecretOnlyInTheException_Fails()
    {
        await using var sut = App();
        Logger(sut).LogError(new InvalidOperationException($"bad key {NormalizerApplication.ApiKey}"), "request failed");

        Assert.ThrowsAny<XunitException>(sut.AssertNoSecretsLogged);
        sut.Logs.Clear();
    }

    [Fact]
    public async Task AssertNoSecretsLogged_WatchedSubscriptionSecret_Fails()
    {
        await using var sut = App();
        var (_, secret) = await sut.SubscribeAsync("""{"url":"http://127.0.0.1:9/hook"}""");
        sut.AssertNoSecretsLogged();

        Logger(sut).LogDebug("signing with {Key}", secret["whsec_".Length..]);

        Assert.ThrowsAny<XunitException>(sut.AssertNoSecretsLogged);
        sut.Logs.Clear();
    }

    [Fact]
    public async Task DisposeAsync_SecretLogged_Fails()
    {
        var sut = App();
        Logger(sut).LogWarning("verify token is {Token}", NormalizerApplication.VerifyToken);

        await Assert.ThrowsAnyAsync<XunitException>(async () => await sut.DisposeAsync());
    }

    [Fact]
    public async Task AssertNoSecretsLogged_OnlyHarmlessValues_Passes()
    {
        await using var sut = App();
        Logger(sut).LogInformation("page {PageId} configured", "104523987765432");

        sut.AssertNoSecretsLogged();

        Assert.Contains(sut.Logs.GetSnapshot(), r => r.Category == "Leak.Probe" && r.Message.Contains("104523987765432", StringComparison.Ordinal));
    }

    private static NormalizerApplication App() => new(settings: new Dictionary<string, string?>
    {
        ["Normalizer:Pages:0:Id"] = "104523987765432", ["Normalizer:Pages:0:Platform"] = "facebook",
        ["Normalizer:Pages:0:AccessToken"] = PageToken, ["Normalizer:Pages:0:AppId"] = "555000111",
        ["Normalizer:Apps:0:Id"] = "555000111", ["Normalizer:Apps:0:Secret"] = AppSecret,
    });

    private static ILogger Logger(NormalizerApplication app) => app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Leak.Probe");
}
