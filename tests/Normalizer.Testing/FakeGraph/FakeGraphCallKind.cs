namespace Normalizer.Testing.FakeGraph;

/// <summary>Which Graph endpoint a call hit.</summary>
public enum FakeGraphCallKind
{
    /// <summary>A path the fake does not serve (answered with 2500 "Unknown path components").</summary>
    Unknown,

    /// <summary><c>POST /{v}/{page-id}/messages</c> (Messenger, Instagram, WhatsApp).</summary>
    Send,

    /// <summary><c>GET /{v}/{asid}/ids_for_pages</c>.</summary>
    IdsForPages,

    /// <summary><c>GET /{v}/{psid}/ids_for_apps</c>.</summary>
    IdsForApps,

    /// <summary><c>POST /{v}/pages_id_mapping</c>.</summary>
    PagesIdMapping,

    /// <summary><c>GET /{v}/{id}</c>: a user profile, or a Page's own node.</summary>
    Node,
}
