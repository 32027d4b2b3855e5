using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A business asset that sends: a Facebook Page, an Instagram professional account or a WhatsApp
/// phone number (<c>phone_number_id</c>).
/// </summary>
/// <param name="Id">Page id, IG account id or phone_number_id: the <c>{id}</c> of <c>/{id}/messages</c>.</param>
/// <param name="Platform">Which channel it sends on.</param>
/// <param name="Name">Shown in <c>ids_for_pages</c> answers.</param>
/// <param name="AccessToken">Page token, IG user token or system-user token.</param>
/// <param name="AppId">The app whose secret signs the proof for this token.</param>
/// <param name="LinkedPageId">
/// Instagram only: the Facebook Page the IG account is linked to. With Facebook Login, Instagram sends are
/// posted to that Page's <c>/messages</c> with the Page token (Meta's Instagram messaging API).
/// </param>
public sealed record FakePage(string Id, Platform Platform, string Name, string AccessToken, string AppId, string? LinkedPageId);
