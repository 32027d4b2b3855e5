namespace Normalizer.Identity;

/// <summary>How sure a relink of a new scoped ID to a known person is (<c>raw.confidence</c> of <c>identity.relinked</c>).</summary>
public static class RelinkConfidence
{
    /// <summary>Meta's ID Matching API linked the two IDs through the person's ASID.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A guess: the new ID's profile (name and picture) is that of exactly one stale contact of the same Page.</summary>
    public const string ProfileMatch = "profile_match";
}
