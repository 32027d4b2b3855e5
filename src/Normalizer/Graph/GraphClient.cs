using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Normalizer.Graph;

/// <summary>
/// The Graph API client: <c>{BaseUrl}{Version}/{path}</c>, the token as <c>Authorization: Bearer</c> (WhatsApp's
/// documented form; Bearer also works for Messenger/Instagram sends, Meta's send API hosts and tokens) and <c>appsecret_proof</c>
/// as a query parameter whenever the app secret is known (Meta: securing-requests guide (appsecret_proof)). Tokens, secrets and proofs never reach logs or
/// error messages: requests are logged by method and path only, and Meta's texts are scrubbed of them.
/// </summary>
internal sealed class GraphClient(
    IHttpClientFactory httpClientFactory, IOptionsMonitor<GraphOptions> options, TimeProvider timeProvider, GraphMetrics metrics,
    ILogger<GraphClient> logger)
    : IGraphClient
{
    public const string HttpClientName = "Normalizer.Graph";

    private const string Redacted = "[redacted]";

    public async Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.AccessToken);
        var settings = options.CurrentValue;
        var proof = string.IsNullOrEmpty(request.AppSecret) ? null : AppSecretProof.Compute(request.AccessToken, request.AppSecret);
        using var message = new HttpRequestMessage(request.Method, BuildUri(settings, request, proof));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var client = httpClientFactory.CreateClient(request.HttpClientName ?? HttpClientName);
        // The timeout runs on the injected clock, like every other wait of the service.
        using var deadline = new CancellationTokenSource(settings.Timeout, timeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            metrics.Answered(request.Method, (int)response.StatusCode, timeProvider.GetElapsedTime(started));
            return Read(request, response, bytes, proof);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            metrics.Unanswered(request.Method, "timeout", timeProvider.GetElapsedTime(started));
            Log.GraphTimedOut(logger, request.Method.Method, request.Path, settings.Timeout);
            return NetworkFailure("The Graph API did not answer in time.");
        }
        catch (HttpRequestException e)
        {
            // The exception text may carry the URL; log and answer only the error kind.
            metrics.Unanswered(request.Method, UnreachableType(e.HttpRequestError), timeProvider.GetElapsedTime(started));
            Log.GraphUnreachable(logger, request.Method.Method, request.Path, e.HttpRequestError);
            return NetworkFailure($"The Graph API could not be reached ({e.HttpRequestError}).");
        }
    }

    // error.type of a call that got no answer: the HttpRequestError in snake_case (name_resolution_error, connection_error, …).
    private static string UnreachableType(HttpRequestError error) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(error.ToString());

    private GraphResponse Read(GraphRequest request, HttpResponseMessage response, byte[] bytes, string? proof)
    {
        var status = (int)response.StatusCode;
        JsonElement? body = null;
        if (bytes.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                body = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                // A proxy's HTML error page: the status still classifies it (Meta's retry guidance).
            }
        }

        var trace = response.Headers.TryGetValues("x-fb-trace-id", out var traces) ? traces.FirstOrDefault() : null;
        var error = GraphErrorParser.Parse(status, body, trace);
        if (error is not null)
        {
            error = error with
            {
                Message = Scrub(error.Message, request, proof),
                UserMessage = error.UserMessage is null ? null : Scrub(error.UserMessage, request, proof),
                Details = error.Details is null ? null : Scrub(error.Details, request, proof),
            };
            Log.GraphError(logger, request.Method.Method, request.Path, status, error.Code, error.Subcode, error.FbtraceId);
        }

        return new GraphResponse
        {
            StatusCode = status,
            Body = body,
            Error = error,
            RetryAfter = GraphUsageHeaders.RetryAfter(response.Headers, timeProvider.GetUtcNow()),
        };
    }

    private static GraphResponse NetworkFailure(string message) => new()
    {
        StatusCode = 0,
        Error = new GraphError { Message = message, IsNetworkFailure = true },
    };

    private static Uri BuildUri(GraphOptions settings, GraphRequest request, string? proof)
    {
        var baseUrl = request.BaseUrl ?? settings.BaseUrl;
        var url = new StringBuilder(baseUrl.AbsoluteUri.TrimEnd('/')).Append('/').Append(settings.Version);
        foreach (var segment in request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment is "." or "..")
            {
                throw new ArgumentException("A Graph path may not contain dot segments.", nameof(request));
            }

            url.Append('/').Append(Uri.EscapeDataString(segment));
        }

        var separator = '?';
        foreach (var (key, value) in request.Query ?? new Dictionary<string, string>())
        {
            url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (proof is not null)
        {
            url.Append(separator).Append("appsecret_proof=").Append(proof);
        }

        return new Uri(url.ToString(), UriKind.Absolute);
    }

    // Meta's texts should never echo credentials; this makes sure of it before they reach logs or API answers.
    private static string Scrub(string text, GraphRequest request, string? proof)
    {
        text = text.Replace(request.AccessToken, Redacted, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(request.AppSecret))
        {
            text = text.Replace(request.AppSecret, Redacted, StringComparison.Ordinal);
        }

        return proof is null ? text : text.Replace(proof, Redacted, StringComparison.Ordinal);
    }
}
