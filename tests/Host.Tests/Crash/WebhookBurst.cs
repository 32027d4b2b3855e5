using System.Net.Http.Headers;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// Meta's side: <c>senders</c> concurrent connections POST signed bodies to <c>/webhooks/meta</c>, each taking the next body
/// not yet sent. <see cref="Statuses"/> holds each body's answer: null when it was not sent or no answer came back.
/// </summary>
internal sealed class WebhookBurst
{
    private readonly IReadOnlyList<SignedBody> _bodies;
    private readonly int?[] _statuses;
    private int _accepted;
    private int _unanswered;
    private volatile bool _stopped;

    private WebhookBurst(IReadOnlyList<SignedBody> bodies) => (_bodies, _statuses) = (bodies, new int?[bodies.Count]);

    public IReadOnlyList<int?> Statuses => _statuses;

    /// <summary>Bodies answered 200.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Bodies sent whose request failed without an answer (connection refused or reset).</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    /// <summary>
    /// Sends <paramref name="which"/> of <paramref name="bodies"/>; after each 200, <paramref name="stopAfter"/> is told how many were
    /// accepted so far and may stop the burst (the bodies already on the wire finish, no new one is taken).
    /// </summary>
    public static async Task<WebhookBurst> SendAsync(HttpClient client, IReadOnlyList<SignedBody> bodies, IReadOnlyList<int> which,
        int senders, Func<int, bool>? stopAfter, CancellationToken cancellationToken)
    {
        var burst = new WebhookBurst(bodies);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while (!burst._stopped && (i = Interlocked.Increment(ref next)) < which.Count)
            {
                await burst.SendOneAsync(client, which[i], stopAfter, cancellationToken);
            }
        }, cancellationToken)));
        return burst;
    }

    private async Task SendOneAsync(HttpClient client, int index, Func<int, bool>? stopAfter, CancellationToken cancellationToken)
    {
        var body = _bodies[index];
        using var content = new ByteArrayContent(body.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/meta") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", body.Signature);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            _statuses[index] = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var accepted = Interlocked.Increment(ref _accepted);
                if (stopAfter?.Invoke(accepted) == true)
                {
                    _stopped = true;
                }
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _unanswered);
        }
    }
}
