using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Host.Docs;
using Normalizer.Host.Options;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary>
/// Meta → Normalizer (README: ingest): the verification handshake, and POST with size cap (413),
/// signature check over the raw bytes (401), JSON and <c>object</c> check (400), then the body is
/// committed to the inbox and only then answered 200.
/// </summary>
internal static partial class WebhookEndpoints
{
    private const string ChannelPattern = "{channel:regex(^(meta|messenger|instagram|whatsapp)$)}";

    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet(ChannelPattern, Handshake).WithSummary("Meta's verification handshake (hub.mode, hub.verify_token, hub.challenge).").Errors(403);
        group.MapPost(ChannelPattern, ReceiveAsync).WithSummary("Receive a webhook; 200 once it is durably in the inbox.")
            .Errors(400, 401, 413, 503);
    }

    private static IResult Handshake(HttpRequest request, IOptionsMonitor<MetaOptions> options)
    {
        // Read the dotted names literally (Meta's webhook verification requests).
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        var expected = options.CurrentValue.VerifyToken;
        if (mode == "subscribe" && expected.Length > 0 && FixedTimeEquals(token, expected))
        {
            return TypedResults.Text(challenge, "text/plain", statusCode: StatusCodes.Status200OK);
        }

        return ApiError.Result(StatusCodes.Status403Forbidden, "verification_failed",
            "hub.mode must be 'subscribe' and hub.verify_token must match Normalizer:Meta:VerifyToken");
    }

    // Every answer is counted by channel and outcome (normalizer.webhooks.received).
    private static async Task<IResult> ReceiveAsync(
        string channel, HttpRequest request, IOptionsMonitor<MetaOptions> options, AppSecrets secrets,
        ChannelRegistry channels, IInbox inbox, IngestMetrics metrics, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var result = await AcceptAsync(channel, request, options, secrets, channels, inbox, receivedAt, loggers, cancellationToken);
        var outcome = WebhookOutcome.Of((result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK);
        metrics.WebhookReceived(channel, outcome);
        if (outcome == WebhookOutcome.Accepted)
        {
            metrics.Waiting(receivedAt.ToUnixTimeMilliseconds());
        }

        return result;
    }

    private static async Task<IResult> AcceptAsync(
        string channel, HttpRequest request, IOptionsMonitor<MetaOptions> options, AppSecrets secrets,
        ChannelRegistry channels, IInbox inbox, DateTimeOffset receivedAt, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var meta = options.CurrentValue;
        var (buffer, length) = await RequestBody.ReadAsync(request, meta.MaxBodyBytes, cancellationToken);
        if (length == RequestBody.Incomplete)
        {
            return RequestBody.IncompleteResult();
        }

        if (buffer is null)
        {
            return ApiError.Result(StatusCodes.Status413PayloadTooLarge, "body_too_large",
                $"the body exceeds {meta.MaxBodyBytes} bytes (Normalizer:Meta:MaxBodyBytes)");
        }

        try
        {
            var body = buffer.AsMemory(0, length);
            var header = request.Headers["X-Hub-Signature-256"];
            var verified = header.Count == 1 && SignatureVerifier.Verify(body.Span, header[0], secrets.Keys);
            if (!verified && meta.RequireSignature)
            {
                LogRejectedSignature(loggers.CreateLogger(typeof(WebhookEndpoints).FullName!), header.Count == 0 ? "missing" : "wrong");
                return ApiError.Result(StatusCodes.Status401Unauthorized, "invalid_signature", header.Count == 0
                    ? "X-Hub-Signature-256 is missing"
                    : "X-Hub-Signature-256 does not match the body under any configured app secret");
            }

            if (WebhookPrecheck.Check(body.Span, out var webhookObject) is { } problem)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", problem);
            }

            Platform? pinned = channel == "meta" ? null : PlatformNames.TryParse(channel, out var p) ? p : null;
            if (channels.Pick(webhookObject, pinned, out _) is { } objectProblem)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "unknown_object", objectProblem.Message);
            }

            var headers = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["x-hub-signature-256"] = header.Count == 1 ? header[0] : null,
                ["content-type"] = request.ContentType,
                ["user-agent"] = request.Headers.UserAgent.ToString(),
            }, HostJsonContext.Default.DictionaryStringString);
            long id;
            try
            {
                id = await inbox.AppendAsync(new InboxItem(receivedAt, pinned, verified, headers, body), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not acknowledged, so Meta delivers it again: a 503, not a 500.
                LogAppendFailed(loggers.CreateLogger(typeof(WebhookEndpoints).FullName!), ex);
                return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "store_unavailable",
                    "the webhook could not be stored and was not accepted; send it again later");
            }

            return TypedResults.Json(new WebhookAccepted(true, id), HostJsonContext.Default.WebhookAccepted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook not accepted: the inbox append failed")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: {Problem} X-Hub-Signature-256")]
    private static partial void LogRejectedSignature(ILogger logger, string problem);
}
