using Normalizer.Events;

namespace Normalizer.Delivery;

/// <summary>A consuming app's webhook: where to POST events, the signing secret, and which events it wants.</summary>
public sealed record Subscription
{
    /// <summary>Subscription id (<c>sub_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The consumer's webhook URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Signing secret, <c>whsec_</c> + base64 of random bytes. Never logged or listed.</summary>
    public required string Secret { get; init; }

    /// <summary>Only these platforms (null: all).</summary>
    public IReadOnlyList<Platform>? Platforms { get; init; }

    /// <summary>Only these page ids (null: all).</summary>
    public IReadOnlyList<string>? PageIds { get; init; }

    /// <summary>Only these event names (null: all).</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
