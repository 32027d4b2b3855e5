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

    /// <summary>The ID types the channel of <paramref name="platform"/> declares; null when no channel serves it.</summary>
    public ChannelIdTypes? IdsOf(Platform platform) => _byPlatform.TryGetValue(platform, out var channel) ? channel.Ids : null;
}
