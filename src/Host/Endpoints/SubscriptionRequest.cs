using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/subscriptions</c>. Unknown members are rejected, so a misspelt filter never silently matches everything.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubscriptionRequest
{
    [Description("The consumer's webhook URL (absolute http/https).")]
    public string? Url { get; init; }

    [Description("Optional signing secret: whsec_ + base64 of 24–64 bytes; generated when absent.")]
    public string? Secret { get; init; }

    [Description("Only events of these platforms (facebook, instagram, whatsapp); all when absent.")]
    public IReadOnlyList<string>? Platforms { get; init; }

    [Description("Only events of these page_id values; all when absent.")]
    public IReadOnlyList<string>? PageIds { get; init; }

    [Description("Only these event names; all when absent.")]
    public IReadOnlyList<string>? Events { get; init; }
}
