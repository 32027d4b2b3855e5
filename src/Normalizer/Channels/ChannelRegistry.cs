using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>The registered channels, indexed by platform and webhook <c>object</c>; built once at start.</summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<string, IChannel> _byObject = new(StringComparer.Ordinal);
    private readonly Dictionary<Platform, IChannel> _byPlatform = [];

    /// <summary>Indexes the channels; fails on two channels for one platform or one object.</summary>
    public ChannelRegistry(IEnumerable<IChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels)
        {
            if (!_byPlatform.TryAdd(channel.Platform, channel) || !_byObject.TryAdd(channel.WebhookObject, channel))
            {
                throw new InvalidOperationException(
                    $"Two channels are registered for platform '{channel.Platform.ToWire()}' or object '{channel.WebhookObject}'.");
            }
        }

        Objects = [.. _byObject.Keys];
    }

    /// <summary>The registered channels.</summary>
    public IReadOnlyCollection<IChannel> Channels => _byPlatform.Values;

    /// <summary>The webhook <c>object</c> values of the registered channels.</summary>
    public IReadOnlyList<string> Objects { get; }

    /// <summary>The channel for a webhook <c>object</c>.</summary>
    public bool TryGetByObject(string webhookObject, out IChannel channel) =>
        _byObject.TryGetValue(webhookObject, out channel!);

    /// <summary>The channel of a platform.</summary>
    public bool TryGet(Platform platform, out IChannel channel) => _byPlatform.TryGetValue(platform, out channel!);

    /// <summary>
    /// The channel a webhook goes to, or why none: the channel of its <c>object</c>, or the <paramref name="pinned"/> one
    /// (an endpoint or command pinned to a channel), whose object the body must then have if it names one. The one
    /// check the webhook endpoint makes before the webhook is accepted and the normalizer makes again when reading it.
    /// </summary>
    /// <returns>Null when <paramref name="channel"/> is set; else the error, with a message naming the object and the channels.</returns>
    public WebhookError? Pick(string? webhookObject, Platform? pinned, out IChannel channel)
    {
        if (pinned is { } platform)
        {
            if (!TryGet(platform, out channel))
            {
                return new WebhookError(WebhookErrorKind.UnknownObject, $"the {platform.ToWire()} channel is not enabled");
            }

            return webhookObject is null || webhookObject == channel.WebhookObject
                ? null
                : new WebhookError(WebhookErrorKind.UnknownObject,
                    $"object '{webhookObject}' does not belong to the {platform.ToWire()} channel (expected '{channel.WebhookObject}')");
        }

        if (webhookObject is null)
        {
            channel = null!;
            return new WebhookError(WebhookErrorKind.BadShape, "'object' is missing or not a string");
        }

        if (TryGetByObject(webhookObject, out channel))
        {
            return null;
        }

        var shown = webhookObject.Length <= 64 ? webhookObject : webhookObject[..64] + "…";
        return new WebhookError(WebhookErrorKind.UnknownObject, $"unknown object '{shown}' (known: {string.Join(", ", Objects)})");
    }

    /// <summary>The ID types the channel of <paramref name="platform"/> declares; null when no channel serves it.</summary>
    public ChannelIdTypes? IdsOf(Platform platform) => _byPlatform.TryGetValue(platform, out var channel) ? channel.Ids : null;
}
