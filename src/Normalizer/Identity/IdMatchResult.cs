using Normalizer.Sending;

namespace Normalizer.Identity;

/// <summary>Matches, or the classified Graph error.</summary>
public sealed record IdMatchResult
{
    /// <summary>The matches.</summary>
    public IReadOnlyList<IdMatch> Matches { get; init; } = [];

    /// <summary>IDs Meta reported as invalid (pages_id_mapping).</summary>
    public IReadOnlyList<string> InvalidIds { get; init; } = [];

    /// <summary>The error, when the call failed.</summary>
    public SendError? Error { get; init; }
}
