using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Normalizer.Delivery;

/// <summary>
/// One POST of an event to a subscriber: the stored JSON as is, with the Standard Webhooks headers signed
/// for this attempt's timestamp. Every outcome but cancellation is a value: 2xx delivers, the rest fails.
/// </summary>
internal sealed class WebhookPoster(IHttpClientFactory clients, DeliveryMetrics metrics, TimeProvider time)
{
    /// <summary>Name of the <see cref="HttpClient"/> (timeout from <see cref="DeliveryOptions.Timeout"/>, no redirects).</summary>
    public const string HttpClientName = "Normalizer.Delivery";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<DeliveryAttempt> PostAsync(Subscription subscription, LogEvent delivery, int attempt, CancellationToken cancellationToken)
    {
        var done = await AttemptAsync(subscription, delivery, attempt, cancellationToken).ConfigureAwait(false);
        metrics.Attempted(done);
        return done;
    }

    private async Task<DeliveryAttempt> AttemptAsync(Subscription subscription, LogEvent delivery, int attempt, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        if (Refusal(subscription.Url) is { } refused)
        {
            return new DeliveryAttempt { Attempt = attempt, At = at, Error = refused, DurationMs = 0 };
        }

        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation(WebhookSigner.IdHeader, delivery.Id);
        request.Headers.TryAddWithoutValidation(WebhookSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Id, timestamp, body, subscription.Secret));

        int? status = null;
        string? error = null;
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (HttpRequestException ex)
        {
            error = Describe(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unexpected, but still just a failed attempt; the type name carries no URL or secret.
            error = ex.GetType().Name;
        }

        return new DeliveryAttempt
        {
            Attempt = attempt, At = at, StatusCode = status, Error = error,
            DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
        };
    }

    // Subscriptions are checked when created; this also holds for ones stored before that check existed.
    private static string? Refusal(Uri url) =>
        url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps ? "destination refused: only http and https URLs are delivered to"
        : url.UserInfo.Length > 0 ? "destination refused: the URL carries user info (credentials)"
        : null;

    // The guard's reason, else the category and socket error only: the exception message may repeat the URL.
    private static string Describe(HttpRequestException ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is DestinationRefusedException refused)
            {
                return refused.Message;
            }
        }

        return ex.InnerException is SocketException socket ? $"{ex.HttpRequestError}: {socket.SocketErrorCode}" : ex.HttpRequestError.ToString();
    }
}
