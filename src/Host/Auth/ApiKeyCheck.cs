namespace Normalizer.Host.Auth;

/// <summary>The outcome of checking a request's API key.</summary>
internal enum ApiKeyCheck
{
    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    Missing,

    /// <summary>A key that is not configured.</summary>
    Invalid,

    /// <summary>A configured key.</summary>
    Valid,
}
