namespace Normalizer.Credentials;

/// <summary>Where a page's token comes from.</summary>
public enum PageSource
{
    /// <summary><c>Normalizer:Pages</c> in configuration.</summary>
    Config,

    /// <summary>Set through <c>PUT /v1/pages/{id}/token</c>, stored encrypted; wins over configuration.</summary>
    Api,
}
