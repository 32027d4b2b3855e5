using System.Text.Json;
using System.Text.Json.Nodes;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Identity;
using Normalizer.Sending;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// The ID Matching API over <see cref="IGraphClient"/> (Meta's ID Matching API): every call carries the token the
/// edge documents and <c>appsecret_proof</c>. Errors are classified with the Messenger table (Meta: Graph API error codes–Meta: Messenger Platform error codes).
/// Only the first page of <c>data</c> is read: one person has few PSIDs/ASIDs.
/// </summary>
internal sealed class GraphIdMatchingClient(IGraphClient graph) : IIdMatchingClient
{
    /// <summary>pages_id_mapping accepts up to 200 ASIDs per call (Meta: Page-Scoped ID API).</summary>
    public const int MaxMappingIds = 200;

    public Platform Platform => Platform.Facebook;

    public async Task<IdMatchResult> IdsForPagesAsync(string asid, string? pageId, AppCredentials app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!GraphPath.IsValidId(asid) || (pageId is not null && !GraphPath.IsValidId(pageId)))
        {
            return Invalid("The ASID or Page id is not a valid id.");
        }

        // ASID → PSIDs: the app token (or {app-id}|{app-secret}) plus appsecret_proof (Meta: ID Matching API).
        var token = string.IsNullOrEmpty(app.AccessToken) ? $"{app.AppId}|{app.Secret}" : app.AccessToken;
        var query = pageId is null ? null : new Dictionary<string, string> { ["page"] = pageId };
        var response = await graph.SendAsync(GraphRequest.Get($"{asid}/ids_for_pages", token, app.Secret, query), cancellationToken);
        if (!response.IsSuccess)
        {
            // 100: the ASID is no user of this app (Graph's "object does not exist" for it): invalid, as pages_id_mapping says.
            return Failed(response) with { InvalidIds = response.Error?.Code == 100 ? [asid] : [] };
        }

        return new IdMatchResult { Matches = ReadMatches(response, "page", asid, scopeFallback: pageId) };
    }

    public async Task<IdMatchResult> IdsForAppsAsync(string psid, PageCredentials page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!GraphPath.IsValidId(psid))
        {
            return Invalid("The PSID is not a valid id.");
        }

        // PSID → ASIDs: the Page token plus appsecret_proof of the app that manages the Page (Meta: ID Matching API).
        var response = await graph.SendAsync(GraphRequest.Get($"{psid}/ids_for_apps", page.AccessToken, page.AppSecret), cancellationToken);
        return response.IsSuccess
            ? new IdMatchResult { Matches = ReadMatches(response, "app", psid, scopeFallback: page.AppId) }
            : Failed(response);
    }

    public async Task<IdMatchResult> PagesIdMappingAsync(
        IReadOnlyList<string> asids, PageCredentials page, bool ignoreInvalidIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asids);
        ArgumentNullException.ThrowIfNull(page);
        if (asids.Count == 0)
        {
            return new IdMatchResult();
        }

        if (asids.Count > MaxMappingIds)
        {
            return Invalid("pages_id_mapping takes at most 200 ASIDs per call.");
        }

        if (asids.Any(a => !GraphPath.IsValidId(a) || a.Contains(',', StringComparison.Ordinal)))
        {
            return Invalid("An ASID is not a valid id.");
        }

        // Deprecated Page-Scoped ID API (Meta: Page-Scoped ID API): user_ids comma-separated, the target Page's token, appsecret_proof.
        var body = new JsonObject { ["user_ids"] = string.Join(',', asids), ["ignore_invalid_ids"] = ignoreInvalidIds };
        var response = await graph.SendAsync(GraphRequest.Post("pages_id_mapping", body, page.AccessToken, page.AppSecret), cancellationToken);
        if (!response.IsSuccess)
        {
            return Failed(response) with { InvalidIds = InvalidIdsOf(response.Error?.ErrorData), EdgeUnavailable = IsRefusedToApp(response.Error?.Code) };
        }

        var items = Data(response).ToList();
        var matches = new List<IdMatch>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Str(items[i], "id") is not { } psid)
            {
                continue;
            }

            // The answer's members beyond id are unconfirmed (facts not yet confirmed by Meta): take the source ASID from it when named,
            // else from the position when nothing was dropped.
            var source = Str(items[i], "user_id") ?? Str(items[i], "asid") ?? (items.Count == asids.Count ? asids[i] : null);
            matches.Add(new IdMatch(psid, page.PageId, source));
        }

        return new IdMatchResult { Matches = matches };
    }

    // The Page-Scoped ID API is open only to apps created before 2018-05-01 that passed App Review, for 180 days, and is
    // deprecated from v7.0 (Meta: Page-Scoped ID API). An app it is closed to gets code 3, "Application does not have the
    // capability to make this API call" (Meta: Graph API error codes, capability); a version it is gone from gets code 12,
    // "… is deprecated for versions v… and higher" (Graph's answer to retired calls, third-party reports).
    private static bool IsRefusedToApp(int? code) => code is 3 or 12;

    private static IReadOnlyList<IdMatch> ReadMatches(GraphResponse response, string scopeMember, string source, string? scopeFallback)
    {
        var matches = new List<IdMatch>();
        foreach (var item in Data(response))
        {
            var scope = item.TryGetProperty(scopeMember, out var s) && s.ValueKind == JsonValueKind.Object ? Str(s, "id") : null;
            if (Str(item, "id") is { } id && (scope ?? scopeFallback) is { } scopeId)
            {
                matches.Add(new IdMatch(id, scopeId, source));
            }
        }

        return matches;
    }

    private static IEnumerable<JsonElement> Data(GraphResponse response) =>
        response.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("data"u8, out var data)
            && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    // error_data of pages_id_mapping lists the invalid ids (Meta: Page-Scoped ID API): an array member, or a comma-separated string.
    private static IReadOnlyList<string> InvalidIdsOf(JsonElement? errorData)
    {
        if (errorData is not { } data)
        {
            return [];
        }

        if (data.ValueKind == JsonValueKind.String)
        {
            return data.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in data.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Array && member.Name.Contains("id", StringComparison.OrdinalIgnoreCase))
                {
                    return [.. member.Value.EnumerateArray().Select(IdText).OfType<string>()];
                }
            }
        }

        return [];
    }

    private static string? IdText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? IdText(v) : null;

    private static IdMatchResult Failed(GraphResponse response) => new()
    {
        Error = response.ToSendError(
            MessengerErrorMap.Classify(response.StatusCode, response.Error?.Code, response.Error?.Subcode)),
    };

    private static IdMatchResult Invalid(string message) =>
        new() { Error = new SendError { Kind = SendErrorKind.BadRequest, Message = message } };
}
