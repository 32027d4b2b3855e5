namespace Normalizer.Events;

/// <summary>Wire names of <see cref="Platform"/>, for parsing user input without reflection.</summary>
public static class PlatformNames
{
    /// <summary>The wire name of a platform.</summary>
    public static string ToWire(this Platform platform) => platform switch
    {
        Platform.Facebook => "facebook",
        Platform.Instagram => "instagram",
        Platform.WhatsApp => "whatsapp",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>Parses a wire name (also accepts <c>messenger</c> for Facebook).</summary>
    public static bool TryParse(string? value, out Platform platform)
    {
        switch (value?.ToLowerInvariant())
        {
            case "facebook" or "messenger": platform = Platform.Facebook; return true;
            case "instagram": platform = Platform.Instagram; return true;
            case "whatsapp": platform = Platform.WhatsApp; return true;
            default: platform = default; return false;
        }
    }
}
