namespace Normalizer.Channels.Instagram;

/// <summary>The Instagram channel's key in section <c>Normalizer:Graph</c>: the Instagram-Login host.</summary>
public sealed class InstagramGraphOptions
{
    /// <summary>Base URL of the Instagram-Login API (<c>https://graph.instagram.com</c>); a fake Graph API in tests.</summary>
    public Uri InstagramBaseUrl { get; set; } = new("https://graph.instagram.com/");
}
