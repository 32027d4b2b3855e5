namespace Normalizer.Sending;

/// <summary>Wire values of <c>fallback</c> in a send result.</summary>
public static class FallbackTaken
{
    /// <summary>A new scoped ID was obtained (ID Matching API) and used.</summary>
    public const string RefreshedId = "refreshed_id";

    /// <summary>Another channel of the same person was used.</summary>
    public const string Channel = "channel";
}
