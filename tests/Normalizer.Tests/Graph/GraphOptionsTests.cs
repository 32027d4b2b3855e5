using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Normalizer.Channels.Instagram;
using Normalizer.Graph;
using Normalizer.Testing;

namespace Normalizer.Tests.Graph;

public sealed class GraphOptionsTests
{
    [Fact]
    public void AddNormalizer_BindsGraphSection()
    {
        using var sut = GraphTestBed.Build(new Dictionary<string, string?>
        {
            ["Normalizer:Graph:BaseUrl"] = "http://127.0.0.1:5090/",
            ["Normalizer:Graph:InstagramBaseUrl"] = "http://127.0.0.1:5091/",
            ["Normalizer:Graph:Version"] = "v26.0",
            ["Normalizer:Graph:Timeout"] = "00:00:07",
        }, new FakeLogCollector());

        var options = sut.GetRequiredService<IOptionsMonitor<GraphOptions>>().CurrentValue;
        var instagram = sut.GetRequiredService<IOptionsMonitor<InstagramGraphOptions>>().CurrentValue;

        Assert.Equal((new Uri("http://127.0.0.1:5090/"), new Uri("http://127.0.0.1:5091/"), "v26.0", TimeSpan.FromSeconds(7)),
            (options.BaseUrl, instagram.InstagramBaseUrl, options.Version, options.Timeout));
    }

    [Fact]
    public void AddNormalizer_WithoutConfiguration_UsesDefaults()
    {
        using var sut = new ServiceCollection().AddLogging().AddNormalizer().Services.BuildServiceProvider();

        var options = sut.GetRequiredService<IOptions<GraphOptions>>().Value;

        Assert.Equal(("v25.0", "https://graph.facebook.com/"), (options.Version, options.BaseUrl.ToString()));
        Assert.NotNull(sut.GetRequiredService<IGraphClient>());
    }

    [Theory]
    [InlineData("25.0")]
    [InlineData("v99")]
    [InlineData("v25.0.1")]
    [InlineData("latest")]
    public void ValidateOnStart_BadVersion_FailsNamingTheKeyNotTheValue(string version)
    {
        using var sut = GraphTestBed.Build(new Dictionary<string, string?> { ["Normalizer:Graph:Version"] = version }, new FakeLogCollector());

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Normalizer:Graph:Version", error.Message);
        Assert.DoesNotContain($" {version}", error.Message);
    }

    [Fact]
    public void ValidateOnStart_ZeroTimeout_Fails()
    {
        using var sut = GraphTestBed.Build(new Dictionary<string, string?> { ["Normalizer:Graph:Timeout"] = "00:00:00" }, new FakeLogCollector());

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Normalizer:Graph:Timeout", error.Message);
    }

    [Fact]
    public void ValidateOnStart_ValidSection_Passes()
    {
        using var sut = GraphTestBed.Build(new Dictionary<string, string?> { ["Normalizer:Graph:Version"] = "v24.0" }, new FakeLogCollector());

        sut.GetRequiredService<IStartupValidator>().Validate();
    }
}
