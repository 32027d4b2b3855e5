using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels;

/// <summary>
/// Turns one raw webhook body into normalized events: parses the UTF-8 bytes once with
/// <see cref="JsonDocument"/>, picks the channel by <c>object</c> (or the pinned one) and lets it
/// walk each entry. Shape problems inside an entry become <c>unknown.received</c>; only a body that
/// is not a Meta webhook at all yields an error.
/// </summary>
public sealed class WebhookNormalizer(ChannelRegistry registry)
{
    /// <summary>Nesting deeper than Meta ever sends is refused rather than walked.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Normalizes <paramref name="body"/>; <paramref name="pinned"/> forces a channel.</summary>
    public NormalizeOutcome Normalize(ReadOnlyMemory<byte> body, WebhookContext context, Platform? pinned = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.BytePositionInLine is { } b ? $" at line {ex.LineNumber + 1}, byte {b + 1}" : "";
            var what = body.Length == 0 ? "the body is empty" : $"the body is not valid JSON{where}";
            return NormalizeOutcome.Fail(WebhookErrorKind.NotJson, $"{what} (malformed, truncated or nested deeper than {MaxDepth} levels)");
        }

        using (document)
        {
            return Normalize(document.RootElement, context, pinned);
        }
    }

    private NormalizeOutcome Normalize(JsonElement root, WebhookContext context, Platform? pinned)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.BadShape, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var webhookObject = root.Str("object");
        if (!TryPickChannel(webhookObject, pinned, out var channel, out var error))
        {
            return error;
        }

        if (!root.TryProp("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.BadShape, "'entry' is missing or not an array");
        }

        var events = new List<NormalizedEvent>(entries.GetArrayLength());
        foreach (var entry in entries.EnumerateArray())
        {
            NormalizeEntry(channel, entry, context, events);
        }

        return new NormalizeOutcome { Events = events, Platform = channel.Platform };
    }

    private bool TryPickChannel(string? webhookObject, Platform? pinned, out IChannel channel, out NormalizeOutcome error)
    {
        error = null!;
        if (pinned is { } platform)
        {
            if (!registry.TryGet(platform, out channel))
            {
                error = NormalizeOutcome.Fail(WebhookErrorKind.UnknownObject, $"the {platform.ToWire()} channel is not enabled");
                return false;
            }

            if (webhookObject is null || webhookObject == channel.WebhookObject)
            {
                return true;
            }

            error = NormalizeOutcome.Fail(WebhookErrorKind.UnknownObject,
                $"object '{webhookObject}' does not belong to the {platform.ToWire()} channel (expected '{channel.WebhookObject}')");
            return false;
        }

        if (webhookObject is null)
        {
            channel = null!;
            error = NormalizeOutcome.Fail(WebhookErrorKind.BadShape, "'object' is missing or not a string");
            return false;
        }

        if (registry.TryGetByObject(webhookObject, out channel))
        {
            return true;
        }

        var known = string.Join(", ", registry.Channels.Select(c => c.WebhookObject));
        error = NormalizeOutcome.Fail(WebhookErrorKind.UnknownObject, $"unknown object '{Truncate(webhookObject)}' (known: {known})");
        return false;
    }

    private static void NormalizeEntry(IChannel channel, JsonElement entry, WebhookContext context, List<NormalizedEvent> events)
    {
        var before = events.Count;
        try
        {
            if (entry.ValueKind == JsonValueKind.Object)
            {
                channel.Normalize(entry, context, events);
                return;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A shape the channel did not anticipate: keep the whole entry rather than half of it.
            events.RemoveRange(before, events.Count - before);
        }

        events.Add(UnknownEvent.Create(channel.Platform, entry.Str("id") ?? "", AsObject(entry), context, entry.Long("time")));
    }

    // raw is always an object: an entry that is not one is kept whole under "entry".
    private static JsonElement AsObject(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.Object)
        {
            return entry;
        }

        using var document = JsonDocument.Parse("{\"entry\":" + entry.GetRawText() + "}");
        return document.RootElement.Clone();
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
