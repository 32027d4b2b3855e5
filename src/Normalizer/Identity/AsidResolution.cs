using Normalizer.Sending;

namespace Normalizer.Identity;

/// <summary>What one ASID resolved to on a Page: its PSID, or that Meta called it invalid, or the error of its call.</summary>
/// <param name="Asid">The ASID asked about.</param>
/// <param name="Psid">Its PSID on the Page, when Meta gave one.</param>
/// <param name="Invalid">Meta said the ASID is not one of the app's users with an ID on the Page (or it is not an ID).</param>
/// <param name="Error">The error of the call that should have answered for it.</param>
public sealed record AsidResolution(string Asid, string? Psid, bool Invalid, SendError? Error)
{
    /// <summary>The ASID has this PSID on the Page.</summary>
    public static AsidResolution Found(string asid, string psid) => new(asid, psid, false, null);

    /// <summary>Meta calls the ASID invalid for the Page's app and Page.</summary>
    public static AsidResolution InvalidId(string asid) => new(asid, null, true, null);

    /// <summary>The call for it failed.</summary>
    public static AsidResolution Failed(string asid, SendError error) => new(asid, null, false, error);
}
