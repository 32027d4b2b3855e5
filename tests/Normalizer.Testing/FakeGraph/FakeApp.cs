namespace Normalizer.Testing.FakeGraph;

/// <summary>A Meta app known to the fake: its secret signs <c>appsecret_proof</c>, its token calls app-level edges.</summary>
/// <param name="Id">The app id.</param>
/// <param name="Name">Shown in <c>ids_for_apps</c> answers.</param>
/// <param name="Secret">The app secret; <c>null</c> = no proof can be checked (and none is required).</param>
/// <param name="AppToken">The app access token (Meta's format is <c>{app-id}|{app-secret}</c>).</param>
/// <param name="RequireProof">
/// "Require App Secret" in the dashboard: every call with this app's tokens needs a proof. The ID-matching
/// edges require one regardless (Meta's securing-requests guide (appsecret_proof)).
/// </param>
public sealed record FakeApp(string Id, string Name, string? Secret, string AppToken, bool RequireProof);
