using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>
/// An Instagram story's final metrics (<c>story_insights</c>, sent when the story expires). Meta reports counts under 5
/// as -1.
/// </summary>
public sealed record InsightsPart
{
    /// <summary>The webhook field: story_insights.</summary>
    [Description("The webhook field: story_insights.")]
    public required string Field { get; init; }

    /// <summary>The story's media id.</summary>
    [Description("The story's media id.")]
    public string? MediaId { get; init; }

    /// <summary>Impressions.</summary>
    [Description("Times the story was seen (impressions); -1 when under 5.")]
    public long? Impressions { get; init; }

    /// <summary>Reach.</summary>
    [Description("Accounts that saw the story (reach); -1 when under 5.")]
    public long? Reach { get; init; }

    /// <summary>Taps forward.</summary>
    [Description("Taps to the next story (taps_forward); -1 when under 5.")]
    public long? TapsForward { get; init; }

    /// <summary>Taps back.</summary>
    [Description("Taps back to the previous story (taps_back); -1 when under 5.")]
    public long? TapsBack { get; init; }

    /// <summary>Exits.</summary>
    [Description("Exits from the story (exits); -1 when under 5.")]
    public long? Exits { get; init; }

    /// <summary>Replies.</summary>
    [Description("Replies to the story (replies); -1 when under 5.")]
    public long? Replies { get; init; }
}
