namespace Normalizer.Identity;

/// <summary>
/// An app-scoped user ID (ASID) and the app that scopes it. The same digits under two apps are two identities, so an
/// ASID is never stored or looked up without its app.
/// </summary>
/// <param name="Asid">The ASID exactly as Meta gives it.</param>
/// <param name="AppId">The app it belongs to.</param>
public readonly record struct AppScopedId(string Asid, string AppId);
