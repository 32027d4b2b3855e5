namespace Normalizer.Graph;

/// <summary>Builds Graph paths from IDs, which are opaque strings (Meta's ID format (numeric strings)).</summary>
public static class GraphPath
{
    /// <summary>
    /// Whether <paramref name="id"/> can be a path segment: not empty, no whitespace, control characters or
    /// slashes, and not a dot segment. Senders answer bad_request for anything else rather than call Meta.
    /// </summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id is not "." and not ".." && id.Length <= 256
        && !id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '?' or '#');
}
