using System.Text.Json;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Host.Docs;
using Normalizer.Identity;
using Normalizer.Sending;

namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/identities/resolve</c> (README: identity): the PSIDs of many ASIDs on one Page.</summary>
internal static class IdentitiesEndpoints
{
    /// <summary>The most ASIDs one request may ask about (50 <c>pages_id_mapping</c> calls of 200).</summary>
    public const int MaxAsids = 10_000;

    /// <summary>The body cap: 10,000 ASIDs of twenty digits, quoted and spaced, with room to spare.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static void MapIdentities(this RouteGroupBuilder v1) =>
        v1.MapPost("/identities/resolve", ResolveAsync).WithTags("Identity").Accepts<ResolveRequest>("application/json")
            .WithSummary($"PSIDs of up to {MaxAsids} ASIDs on one Page (pages_id_mapping, 200 a call; ids_for_pages where Meta refuses it); " +
                "a PSID that is a known contact joins the person of its ASID.")
            .Errors(400, 413, 422);

    private static async Task<IResult> ResolveAsync(
        HttpRequest http, ICredentialStore credentials, IEnumerable<IIdMatchingClient> idMatching, PersonLinker persons,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.PageId is not { Length: > 0 } pageId || request.Asids is not { Count: > 0 and <= MaxAsids } asids
            || asids.Any(string.IsNullOrEmpty))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request",
                $"give 'page_id' and 'asids': 1 to {MaxAsids} ASIDs, each a non-empty string");
        }

        // pages_id_mapping takes the Page's own token and appsecret_proof of its app (Meta: Page-Scoped ID API).
        var page = await credentials.FindPageAsync(pageId, cancellationToken);
        if (page?.AppSecret is null)
        {
            return ApiError.Result(StatusCodes.Status422UnprocessableEntity, "no_app_credentials",
                $"page_id {pageId} has no configured token and app secret (Normalizer__Pages__N__…, Normalizer__Apps__N__Secret)");
        }

        if (idMatching.FirstOrDefault(m => m.Platform == page.Platform) is not { } matching)
        {
            return ApiError.Result(StatusCodes.Status422UnprocessableEntity, "no_id_matching",
                $"page_id {pageId} is on {page.Platform.ToWire()}, whose IDs do not link through ASIDs");
        }

        var app = page.AppId is { } appId ? await credentials.FindAppAsync(appId, cancellationToken) : null;
        var resolved = await AsidResolver.ResolveAsync(matching, page, app, asids, cancellationToken);

        // A PSID found that is a known contact is Meta's word that it is that ASID's user: it joins that user's person.
        await persons.LinkResolvedAsync(page, resolved, cancellationToken);
        var data = resolved.Select(r => new ResolvedId(r.Asid, r.Psid, r.Invalid ? "invalid_id" : r.Error is { } e ? SendService.Wire(e.Kind) : null));
        return TypedResults.Json(new ResolveResult([.. data]), HostJsonContext.Default.ResolveResult);
    }

    // Read with a cap of its own: the management API's 256 KiB is too small for 10,000 ASIDs.
    private static async Task<(ResolveRequest? Request, IResult? Problem)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(http, MaxBodyBytes, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        using (document)
        {
            try
            {
                return (document!.RootElement.Deserialize(HostJsonContext.Default.ResolveRequest), null);
            }
            catch (JsonException ex)
            {
                // IDs are strings: an ASID written as a JSON number lands here, before any digit of it can be rounded.
                return (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", ex.Path is { Length: > 1 } path
                    ? $"'{path.TrimStart('$', '.')}' is not valid here: expected {{ \"page_id\": \"…\", \"asids\": [\"…\", …] }} with IDs as strings"
                    : "the body must be a JSON object { \"page_id\": \"…\", \"asids\": [\"…\", …] }"));
            }
        }
    }
}
