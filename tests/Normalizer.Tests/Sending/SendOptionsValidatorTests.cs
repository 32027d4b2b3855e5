using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Normalizer.Sending;

namespace Normalizer.Tests.Sending;

public sealed class SendOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var sut = new SendOptionsValidator();

        Assert.True(sut.Validate(null, new SendOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OneAttemptAndTinyDelays_Succeeds()
    {
        var sut = new SendOptionsValidator();

        var result = sut.Validate(null, new SendOptions { MaxAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(nameof(SendOptions.MaxAttempts), 0)]
    [InlineData(nameof(SendOptions.MaxAttempts), 101)]
    [InlineData(nameof(SendOptions.BaseDelay), 0)]
    [InlineData(nameof(SendOptions.BaseDelay), -1)]
    [InlineData(nameof(SendOptions.BaseDelay), 2 * 86400)]
    [InlineData(nameof(SendOptions.MaxDelay), 0)]
    [InlineData(nameof(SendOptions.MaxDelay), 2 * 86400)]
    [InlineData(nameof(SendOptions.PermitsPerSecond), 0)]
    [InlineData(nameof(SendOptions.PermitsPerSecond), -5)]
    [InlineData(nameof(SendOptions.StandardWindow), 0)]
    [InlineData(nameof(SendOptions.HumanAgentWindow), -1)]
    public void Validate_OutOfRange_FailsNamingTheKey(string property, int value)
    {
        var options = new SendOptions();
        var seconds = TimeSpan.FromSeconds(value);
        switch (property)
        {
            case nameof(SendOptions.MaxAttempts): options.MaxAttempts = value; break;
            case nameof(SendOptions.BaseDelay): options.BaseDelay = seconds; options.MaxDelay = TimeSpan.FromDays(1); break;
            case nameof(SendOptions.MaxDelay): options.MaxDelay = seconds; break;
            case nameof(SendOptions.PermitsPerSecond): options.PermitsPerSecond = value; break;
            case nameof(SendOptions.StandardWindow): options.StandardWindow = seconds; break;
            case nameof(SendOptions.HumanAgentWindow): options.HumanAgentWindow = seconds; break;
        }

        var sut = new SendOptionsValidator();

        var result = sut.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"Normalizer:Send:{property} ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MaxDelayBelowBaseDelay_FailsNamingMaxDelay()
    {
        var sut = new SendOptionsValidator();

        var result = sut.Validate(null, new SendOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) });

        Assert.Equal(["Normalizer:Send:MaxDelay must be at least BaseDelay and at most one day"], result.Failures);
    }

    [Fact]
    public void AddSending_BadDelayInConfiguration_FailsStartupValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Normalizer:Send:BaseDelay"] = "-00:00:01" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddNormalizer().AddSending();
        using var sut = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Normalizer:Send:BaseDelay", error.Message, StringComparison.Ordinal);
    }
}
