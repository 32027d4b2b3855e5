namespace Normalizer.Identity;

/// <summary>What linked a new scoped ID to a known person (<c>raw.method</c> of <c>identity.relinked</c>).</summary>
public static class RelinkMethod
{
    /// <summary>The new ID's <c>ids_for_apps</c> gave the ASID of a known contact of the Page.</summary>
    public const string IdsForApps = "ids_for_apps";

    /// <summary>A known contact's ASID, through <c>ids_for_pages</c>, gave the new ID.</summary>
    public const string IdsForPages = "ids_for_pages";

    /// <summary>The new ID's profile matched exactly one stale contact of the Page.</summary>
    public const string Profile = "profile";

    /// <summary>The confidence a method gives.</summary>
    public static string ConfidenceOf(string method) => method == Profile ? RelinkConfidence.ProfileMatch : RelinkConfidence.Confirmed;
}
