namespace Normalizer.Testing.FakeGraph;

/// <summary>What the access token of a call turned out to be.</summary>
public enum FakeGraphTokenKind
{
    /// <summary>No token was sent.</summary>
    None,

    /// <summary>A token the fake does not know.</summary>
    Unknown,

    /// <summary>A Page / IG / WhatsApp token of a configured asset.</summary>
    Page,

    /// <summary>An app token.</summary>
    App,
}
