using System.Text.Json.Nodes;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// ID matching (Meta's ID Matching API) and the deprecated Page-Scoped ID API (Meta: Page-Scoped ID API). All of them require
/// <c>appsecret_proof</c> whatever the app's setting.
/// </summary>
internal static class IdMatchingEndpoints
{
    public const int MaxMappingIds = 200;

    /// <summary><c>GET /{asid}/ids_for_pages</c> needs the app token and a proof; scripts are set per app.</summary>
    public static GraphResult? IdentifyIdsForPages(GraphCallInfo info)
    {
        info.Subject = info.Request.Segments[0];
        info.PageId = info.TokenApp?.Id;
        info.ScriptTargets = info.PageId is null ? [] : [info.PageId];
        return GraphAuth.RequireKnownToken(info) ?? RequireTokenKind(info, FakeGraphTokenKind.App) ?? GraphAuth.CheckProof(info, always: true);
    }

    /// <summary><c>GET /{asid}/ids_for_pages[?page=]</c> with the app token → the PSIDs of that person.</summary>
    public static GraphResult IdsForPages(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        var asid = request.Segments[0];
        var app = info.TokenApp!;
        if (state.AppIdOfAsid(asid) != app.Id)
        {
            return info.NoSuchObject(request.Method, asid);
        }

        var pageFilter = request.String("page");
        var data = new JsonArray();
        foreach (var (pageId, psid) in state.PsidsOfAsid(asid, app.Id).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pageFilter is null || pageFilter == pageId)
            {
                var page = state.Page(pageId);
                data.Add(new JsonObject { ["id"] = psid, ["page"] = new JsonObject { ["id"] = pageId, ["name"] = page?.Name } });
            }
        }

        return GraphResult.Ok(new JsonObject { ["data"] = data, ["paging"] = new JsonObject() });
    }

    /// <summary><c>GET /{psid}/ids_for_apps</c> needs a Page token and a proof; scripts are set per Page.</summary>
    public static GraphResult? IdentifyIdsForApps(FakeGraphState state, GraphCallInfo info)
    {
        var psid = info.Request.Segments[0];
        info.Subject = psid;
        var page = info.TokenPages.FirstOrDefault(p => state.User(p.Id, psid) is not null);
        info.SubjectOwner = page;
        info.PageId = page?.Id ?? info.TokenOwnerId;
        info.Platform = page?.Platform;
        info.ScriptTargets = info.PageId is null ? [] : [info.PageId];
        return GraphAuth.RequireKnownToken(info) ?? RequireTokenKind(info, FakeGraphTokenKind.Page) ?? GraphAuth.CheckProof(info, always: true);
    }

    /// <summary><c>GET /{psid}/ids_for_apps[?app=]</c> with the Page token → the ASIDs of that person.</summary>
    public static GraphResult IdsForApps(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        var psid = request.Segments[0];
        if (info.SubjectOwner is not { } page)
        {
            return info.NoSuchObject(request.Method, psid);
        }

        var appFilter = request.String("app");
        var data = new JsonArray();
        foreach (var (asid, appId) in state.AsidsOfPsid(page.Id, psid).OrderBy(a => a.Asid, StringComparer.Ordinal))
        {
            if (appFilter is null || appFilter == appId)
            {
                data.Add(new JsonObject { ["id"] = asid, ["app"] = new JsonObject { ["id"] = appId, ["name"] = state.App(appId)?.Name } });
            }
        }

        return GraphResult.Ok(new JsonObject { ["data"] = data, ["paging"] = new JsonObject() });
    }

    /// <summary>
    /// <c>POST /pages_id_mapping</c> with <c>user_ids</c> (ASIDs, up to 200) and the target Page's token → PSIDs,
    /// as <c>{"data":[{"id":"&lt;psid&gt;"}…]}</c> in request order. An ASID is invalid when unknown, of another app,
    /// or without a PSID on that Page; without <c>ignore_invalid_ids</c> any invalid id fails the call and the
    /// error lists them in <c>error_data.invalid_ids</c>.
    /// </summary>
    public static GraphResult PagesIdMapping(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        var page = info.Asset!;
        var ids = (request.String("user_ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return info.Fail(100, message: "(#100) The parameter user_ids is required");
        }

        if (ids.Length > MaxMappingIds)
        {
            return info.Fail(100, message: $"(#100) user_ids accepts at most {MaxMappingIds} ids");
        }

        var psids = ids.Select(asid => (Asid: asid, Psid: state.PsidsOfAsid(asid, page.AppId).GetValueOrDefault(page.Id))).ToList();
        var invalid = psids.Where(p => p.Psid is null).Select(p => p.Asid).ToList();
        if (invalid.Count > 0 && !request.Flag("ignore_invalid_ids"))
        {
            return info.Fail(new FakeGraphError(100, Message: "(#100) Invalid user ids: " + string.Join(',', invalid))
            {
                ErrorDataJson = new JsonObject { ["invalid_ids"] = new JsonArray([.. invalid.Select(i => (JsonNode)i)]) }.ToJsonString(),
            });
        }

        var data = new JsonArray([.. psids.Where(p => p.Psid is not null).Select(p => (JsonNode)new JsonObject { ["id"] = p.Psid })]);
        return GraphResult.Ok(new JsonObject { ["data"] = data });
    }

    /// <summary><c>POST /pages_id_mapping</c> needs a Page token (its Facebook Page is the target) and a proof.</summary>
    public static GraphResult? IdentifyPagesIdMapping(GraphCallInfo info)
    {
        var page = info.TokenPages.FirstOrDefault(p => p.Platform == Platform.Facebook) ?? info.TokenPages.FirstOrDefault();
        info.Asset = page;
        info.PageId = page?.Id;
        info.Platform = page?.Platform;
        info.ScriptTargets = page is null ? [] : [page.Id];
        return GraphAuth.RequireKnownToken(info) ?? RequireTokenKind(info, FakeGraphTokenKind.Page) ?? GraphAuth.CheckProof(info, always: true);
    }

    private static GraphResult? RequireTokenKind(GraphCallInfo info, FakeGraphTokenKind kind) =>
        info.TokenKind == kind ? null
        : info.Fail(190, message: kind == FakeGraphTokenKind.App
            ? "Invalid OAuth access token - this edge requires an app access token"
            : "Invalid OAuth access token - this edge requires a Page access token");
}
