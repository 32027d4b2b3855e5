using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/subscriptions</c>. Unknown members are rejected, so a misspelt filter never silently matches everything.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubscriptionRequest
{
    public string? Url { get; init; }

    public string? Secret { get; init; }

    public IReadOnlyList<string>? Platforms { get; init; }

    public IReadOnlyList<string>? PageIds { get; init; }

    public IReadOnlyList<string>? Events { get; init; }
}
