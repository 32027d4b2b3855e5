namespace Normalizer.Channels;

/// <summary>Classes of unusable webhook bodies.</summary>
public enum WebhookErrorKind
{
    /// <summary>Not JSON: malformed, truncated or too deeply nested.</summary>
    NotJson,
    /// <summary>JSON, but not an object with a string <c>object</c> and an <c>entry</c> array.</summary>
    BadShape,
    /// <summary>An <c>object</c> no registered channel parses, or one that does not match a pinned channel.</summary>
    UnknownObject,
}
