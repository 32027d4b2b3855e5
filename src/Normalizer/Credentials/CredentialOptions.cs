namespace Normalizer.Credentials;

/// <summary>The configured pages and apps: lists <c>Normalizer:Pages</c> and <c>Normalizer:Apps</c> (README: configuration).</summary>
public sealed class CredentialOptions
{
    /// <summary>The section both lists live in.</summary>
    public const string Section = "Normalizer";

    /// <summary><c>Normalizer__Pages__0__Id</c>, <c>__Platform</c>, <c>__AccessToken</c>, <c>__AppId</c>, <c>__LinkedPageId</c>.</summary>
    public List<PageOptions> Pages { get; init; } = [];

    /// <summary><c>Normalizer__Apps__0__Id</c>, <c>__Secret</c>, <c>__AccessToken</c>.</summary>
    public List<AppOptions> Apps { get; init; } = [];
}
