using Normalizer.Sending;

namespace Normalizer.Identity;

/// <summary>Matches, or the classified Graph error.</summary>
public sealed record IdMatchResult
{
    /// <summary>The matches.</summary>
    public IReadOnlyList<IdMatch> Matches { get; init; } = [];

    /// <summary>IDs Meta reported as invalid: listed by <c>pages_id_mapping</c>, or the ID an edge said does not exist for the app.</summary>
    public IReadOnlyList<string> InvalidIds { get; init; } = [];

    /// <summary>
    /// Meta refused the call itself for this app (the Page-Scoped ID API is open only to some apps and Graph versions); the
    /// per-ID edges may still answer.
    /// </summary>
    public bool EdgeUnavailable { get; init; }

    /// <summary>The error, when the call failed.</summary>
    public SendError? Error { get; init; }
}
