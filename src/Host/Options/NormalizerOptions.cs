namespace Normalizer.Host.Options;

/// <summary>Section <c>Normalizer</c>: the API keys accepted on <c>/v1</c>.</summary>
public sealed class NormalizerOptions
{
    public const string Section = "Normalizer";

    /// <summary><c>Normalizer__ApiKeys__0</c>, …</summary>
    public List<string> ApiKeys { get; init; } = [];
}
