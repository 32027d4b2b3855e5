namespace Normalizer.Graph;

/// <summary>
/// One call to Meta's Graph API (graph.facebook.com, or the host a request names) at the pinned
/// version of <see cref="GraphOptions"/>, with the token as <c>Authorization: Bearer</c> and <c>appsecret_proof</c>
/// whenever an app secret is given (Meta's send API hosts and tokens). Singletons; no retries.
/// </summary>
public interface IGraphClient
{
    /// <summary>
    /// Sends <paramref name="request"/> once. Meta's errors, HTTP failures, timeouts and unreachable hosts all come
    /// back as a <see cref="GraphResponse"/>; the only exception is <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken);
}
