using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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
        // JSON is UTF-8 (RFC 8259 §8.1); JsonDocument only notices bad UTF-8 inside strings when they are read.
        if (!Utf8.IsValid(body.Span))
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.NotJson, $"the body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(body.Span)})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.NotJson, Describe(body.Span, ex));
        }

        using (document)
        {
            return Normalize(document.RootElement, context with { Body = body }, pinned);
        }
    }

    private NormalizeOutcome Normalize(JsonElement root, WebhookContext context, Platform? pinned)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.BadShape, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var webhookObject = root.Str("object"u8);
        if (!TryPickChannel(webhookObject, pinned, out var channel, out var error))
        {
            return error;
        }

        if (!root.TryProp("entry"u8, out var entries) || entries.ValueKind != JsonValueKind.Array)
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

        events.Add(UnknownEvent.Create(channel.Platform, entry.Str("id"u8) ?? "", entry, context, entry.Long("time"u8), "entry"));
    }

    /// <summary>Says what is wrong with a body JsonDocument refused, and where (1-based line and byte).</summary>
    private static string Describe(ReadOnlySpan<byte> body, JsonException ex)
    {
        var content = body.TrimEnd(" \t\r\n"u8);
        if (content.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return "the body is empty";
        }

        var line = ex.LineNumber ?? 0;
        var byteInLine = ex.BytePositionInLine ?? 0;
        var where = $"line {line + 1}, byte {byteInLine + 1}";
        if (NestsTooDeep(body))
        {
            return $"the body nests JSON deeper than {MaxDepth} levels (refused at {where})";
        }

        if (Offset(body, line, byteInLine) >= content.Length)
        {
            return $"the body is truncated: the JSON stops after byte {content.Length} ({where}) before it is complete";
        }

        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return $"the body is not valid JSON at {where}: {(cut > 0 ? reason[..cut] : reason)}";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    // The 0-based byte offset of (line, byte in line) as JsonException reports them.
    private static long Offset(ReadOnlySpan<byte> body, long line, long byteInLine)
    {
        var start = 0;
        for (long l = 0; l < line; l++)
        {
            var next = body[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return body.Length;
            }

            start += next + 1;
        }

        return start + byteInLine;
    }

    // Only on the error path: does a container open at a depth JsonDocument refuses?
    private static bool NestsTooDeep(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed further on; whatever was read is not too deep.
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
