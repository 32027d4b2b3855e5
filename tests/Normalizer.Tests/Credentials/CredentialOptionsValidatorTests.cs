using Normalizer.Credentials;

namespace Normalizer.Tests.Credentials;

public sealed class CredentialOptionsValidatorTests
{
    private const string Token = "EAAsecret-page-token-0123456789";
    private const string Secret = "app-secret-value-9f8e7d";

    [Fact]
    public void Validate_CompletePagesAndApps_Succeeds()
    {
        var sut = new CredentialOptionsValidator();
        var options = new CredentialOptions
        {
            Pages = [new PageOptions { Id = "111", Platform = "facebook", AccessToken = Token, AppId = "9" }],
            Apps = [new AppOptions { Id = "9", Secret = Secret }],
        };

        var result = sut.Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_MissingValues_NamesEachKeyAndNoValue()
    {
        var sut = new CredentialOptionsValidator();
        var options = new CredentialOptions
        {
            Pages =
            [
                new PageOptions { Id = "111", Platform = "facebook", AccessToken = Token },
                new PageOptions { Id = "222", Platform = Token, AccessToken = "" },
                new PageOptions { Id = "111", Platform = "whatsapp", AccessToken = Token },
            ],
            Apps = [new AppOptions { Id = "", Secret = Secret }, new AppOptions { Id = "9", Secret = "" }],
        };

        var result = sut.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Normalizer:Pages:1:AccessToken is empty", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("Normalizer:Pages:1:Platform", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Normalizer:Pages:2:Id", StringComparison.Ordinal));
        Assert.Contains("Normalizer:Apps:0:Id is empty", result.Failures!);
        Assert.Contains("Normalizer:Apps:1:Secret is empty", result.Failures!);
        Assert.DoesNotContain(Token, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Options_NeverPrintsTokenOrSecret()
    {
        var page = new PageOptions { Id = "111", Platform = "facebook", AccessToken = Token };
        var app = new AppOptions { Id = "9", Secret = Secret, AccessToken = Token };

        Assert.DoesNotContain(Token, page.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, app.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, app.ToString(), StringComparison.Ordinal);
    }
}
