namespace Normalizer.Host.Options;

/// <summary>Section <c>Normalizer</c>: the API keys accepted on <c>/v1</c> and how many wrong ones a client may try.</summary>
public sealed class NormalizerOptions
{
    public const string Section = "Normalizer";

    /// <summary><c>Normalizer__ApiKeys__0</c>, …</summary>
    public List<string> ApiKeys { get; init; } = [];

    /// <summary>Requests on <c>/v1</c> without a valid key one client IP may make per window; beyond, 429.</summary>
    public int ApiKeyFailureLimit { get; set; } = 10;

    /// <summary>The window of <see cref="ApiKeyFailureLimit"/>.</summary>
    public TimeSpan ApiKeyFailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
