namespace Normalizer.Graph;

/// <summary>
/// Section <c>Normalizer:Graph</c>: where the Graph API is and which version every URL pins. A channel with a host of its
/// own adds its key to the section (<see cref="GraphSection.AddGraphSection{TOptions}"/>).
/// </summary>
public sealed class GraphOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Normalizer:Graph";

    /// <summary><c>https://graph.facebook.com</c>; a fake Graph API in tests.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com/");

    /// <summary>Pinned version, written <c>v25.0</c>; one value used in every Graph URL.</summary>
    public string Version { get; set; } = "v25.0";

    /// <summary>Timeout of one Graph call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
