using System.Text.RegularExpressions;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Host.Docs;
using Normalizer.Sending;

namespace Normalizer.Host.Endpoints;

/// <summary>
/// Page tokens set through the API (stored encrypted, winning over configuration) and the list of known pages.
/// No answer and no error ever contains a token.
/// </summary>
internal static partial class PagesEndpoints
{
    public const int MaxTokenLength = 4096;

    public static void MapPages(this RouteGroupBuilder v1)
    {
        var pages = v1.MapGroup("/pages").WithTags("Pages");
        pages.MapGet("/", ListAsync).WithSummary("Configured and API-set pages, without tokens: { data: [ { id, platform, source, token_hint… } ] }.").Errors(400);
        pages.MapGet("/send-errors", SendErrorsAsync).WithSummary("Token health: every Page's last failed send (kind, Meta's code and message, when).");
        pages.MapPut("/{id}/token", PutTokenAsync).WithSummary("Sets a page's token (stored encrypted; wins over configuration).").Errors(400, 413);
        pages.MapDelete("/{id}/token", DeleteTokenAsync).WithSummary("Removes a token set through the API.").Errors(400, 404);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, CredentialStore store, CancellationToken cancellationToken)
    {
        Platform? platform = null;
        if (request.Query["platform"].ToString() is { Length: > 0 } p)
        {
            if (!PlatformNames.TryParse(p, out var parsed))
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query", "'platform' is facebook, instagram or whatsapp");
            }

            platform = parsed;
        }

        var entries = await store.ListEntriesAsync(cancellationToken);
        return TypedResults.Json(
            new PageList([.. entries.Where(e => platform is null || e.Platform == platform).Select(ToView)]),
            HostJsonContext.Default.PageList);
    }

    private static async Task<IResult> SendErrorsAsync(IPageSendErrors errors, CancellationToken cancellationToken)
    {
        var all = await errors.ListAsync(cancellationToken);
        return TypedResults.Json(new PageSendErrorList([.. all.Select(e => new PageSendErrorView(
            e.PageId, e.Platform.ToWire(), SendService.Wire(e.Kind), e.Code, e.Message, e.At))]), HostJsonContext.Default.PageSendErrorList);
    }

    private static async Task<IResult> PutTokenAsync(string id, HttpRequest request, CredentialStore store, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return InvalidId();
        }

        var (document, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return error!;
        }

        using (document)
        {
            var body = document.RootElement;
            if (!JsonBody.TryGetOptionalString(body, "platform", out var platformText) || !PlatformNames.TryParse(platformText, out var platform))
            {
                return Invalid("invalid_platform", "'platform' is required: facebook, instagram or whatsapp");
            }

            if (!JsonBody.TryGetOptionalString(body, "access_token", out var token) || string.IsNullOrEmpty(token))
            {
                return Invalid("invalid_token", "'access_token' is required: a non-empty string");
            }

            if (token.Length > MaxTokenLength || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return Invalid("invalid_token", $"'access_token' must be at most {MaxTokenLength} characters without spaces or control characters");
            }

            if (!JsonBody.TryGetOptionalString(body, "app_id", out var appId) || (appId is not null && !IsValidId(appId)))
            {
                return Invalid("invalid_app_id", "'app_id' is optional; when given, an app id (letters, digits, '_' or '-', up to 128)");
            }

            if (!JsonBody.TryGetOptionalString(body, "linked_page_id", out var linkedPageId) || (linkedPageId is not null && !IsValidId(linkedPageId)))
            {
                return Invalid("invalid_linked_page_id", "'linked_page_id' is optional; when given, a Page id (letters, digits, '_' or '-', up to 128)");
            }

            if (linkedPageId is not null && platform != Platform.Instagram)
            {
                return Invalid("invalid_linked_page_id", "'linked_page_id' applies to instagram accounts only (the Facebook Page linked to the account)");
            }

            var (entry, created) = await store.SetAsync(
                new PageTokenUpdate { PageId = id, Platform = platform, AccessToken = token, AppId = appId, LinkedPageId = linkedPageId },
                cancellationToken);
            return TypedResults.Json(ToView(entry), HostJsonContext.Default.PageView,
                statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
    }

    private static async Task<IResult> DeleteTokenAsync(string id, CredentialStore store, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return InvalidId();
        }

        return await store.RemoveAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiError.Result(StatusCodes.Status404NotFound, "not_found",
                $"page '{id}' has no token set through the API (tokens from configuration change in configuration)");
    }

    private static PageView ToView(PageEntry entry) => new(
        entry.Id, entry.Platform.ToWire(), entry.AppId, entry.LinkedPageId, entry.Source == PageSource.Api ? "api" : "config",
        TokenSet: true, entry.TokenHint, entry.UpdatedAt);

    private static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private static IResult InvalidId() =>
        Invalid("invalid_id", "the page id is a Page ID, Instagram account ID or WhatsApp phone_number_id (letters, digits, '_' or '-', up to 128)");

    private static IResult Invalid(string code, string message) => ApiError.Result(StatusCodes.Status400BadRequest, code, message);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
