using System.Text.Json;
using System.Text.Unicode;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels;

/// <summary>
/// Turns one raw webhook body into normalized events in one pass of a <see cref="Utf8JsonReader"/> over its UTF-8
/// bytes: picks the channel by <c>object</c> (or the pinned one) and lets it read each entry. The whole body is
/// checked as JSON on the way; shape problems inside an entry become <c>unknown.received</c>; only a body that is not a
/// Meta webhook at all yields an error.
/// </summary>
public sealed class WebhookNormalizer(ChannelRegistry registry)
{
    /// <summary>Nesting deeper than Meta ever sends is refused rather than walked.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Normalizes <paramref name="body"/>; <paramref name="pinned"/> forces a channel.</summary>
    public NormalizeOutcome Normalize(ReadOnlyMemory<byte> body, WebhookContext context, Platform? pinned = null)
    {
        // JSON is UTF-8 (RFC 8259 §8.1); the reader only notices bad UTF-8 inside strings when they are read.
        if (!Utf8.IsValid(body.Span))
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.NotJson, WebhookErrorText.NotUtf8(body.Span));
        }

        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        try
        {
            return Normalize(ref reader, context with { Body = body }, pinned);
        }
        catch (JsonException ex)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.NotJson, WebhookErrorText.Describe(body.Span, ex));
        }
    }

    // Reads the whole body, so that a body that is not JSON is refused as such whatever else is wrong with it.
    // Meta sends "object" before "entry": the entries are then normalized as they are read. Otherwise (or when a later
    // "object" names another channel) they are read again from where they were; the last "object" and "entry" count.
    private NormalizeOutcome Normalize(ref Utf8JsonReader reader, WebhookContext context, Platform? pinned)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var notAnObject = WebhookErrorText.NotAnObject(reader.TokenType);
            reader.Skip();
            EnsureEnd(ref reader);
            return NormalizeOutcome.Fail(WebhookErrorKind.BadShape, notAnObject);
        }

        string? webhookObject = null;
        ReadOnlyMemory<byte>? entries = null;
        List<NormalizedEvent>? events = null;
        IChannel? readWith = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("object"u8))
            {
                webhookObject = reader.ReadText(registry.Objects);
            }
            else if (reader.ValueTextEquals("entry"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                readWith = null;
                if (reader.TokenType == JsonTokenType.StartArray && registry.Pick(webhookObject, pinned, out var channel) is null)
                {
                    events = NormalizeEntries(channel, ref reader, context);
                    readWith = channel;
                }
                else
                {
                    reader.Skip();
                }

                entries = reader.TokenType == JsonTokenType.EndArray ? context.Body[start..(int)reader.BytesConsumed] : default(ReadOnlyMemory<byte>?);
            }
            else
            {
                reader.Skip();
            }
        }

        EnsureEnd(ref reader);
        if (registry.Pick(webhookObject, pinned, out var picked) is { } error)
        {
            return new NormalizeOutcome { Error = error };
        }

        if (entries is not { } array)
        {
            return NormalizeOutcome.Fail(WebhookErrorKind.BadShape, "'entry' is missing or not an array");
        }

        if (readWith != picked)
        {
            var again = new Utf8JsonReader(array.Span, ReaderOptions);
            again.Read();
            events = NormalizeEntries(picked, ref again, context with { Body = array });
        }

        CorrectTimes(events!, context.ReceivedAt);
        return new NormalizeOutcome { Events = events!, Platform = picked.Platform };
    }

    // Whatever a channel read, an event's time is plausible (Timestamps.IsPlausible): one that is not falls back to the
    // receive time and says so. Channels that know better fallbacks (the entry's time, a watermark) use them first.
    private static void CorrectTimes(List<NormalizedEvent> events, DateTimeOffset receivedAt)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (!Timestamps.IsPlausible(events[i].Timestamp, receivedAt))
            {
                events[i] = events[i] with
                {
                    Timestamp = receivedAt.ToUnixTimeSeconds(), TimestampMs = receivedAt.ToUnixTimeMilliseconds(),
                    TimestampSource = Timestamps.FromReceivedAt,
                };
            }
        }
    }

    // The reader is on the entry array's start and is left on its end.
    private static List<NormalizedEvent> NormalizeEntries(IChannel channel, ref Utf8JsonReader reader, WebhookContext context)
    {
        // Most webhooks hold one item (a batch grows the list as it goes).
        var events = new List<NormalizedEvent>(1);
        while (reader.NextItem())
        {
            NormalizeEntry(channel, ref reader, context, events);
        }

        return events;
    }

    private static void NormalizeEntry(IChannel channel, ref Utf8JsonReader reader, WebhookContext context, List<NormalizedEvent> events)
    {
        var before = events.Count;
        var entry = reader;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            try
            {
                channel.Normalize(ref reader, context, events);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
            {
                // A shape the channel did not anticipate: keep the whole entry rather than half of it.
                events.RemoveRange(before, events.Count - before);
                reader = entry;
            }
        }

        using var document = context.Parse(ref reader);
        var element = document.RootElement;
        events.Add(UnknownEvent.Create(channel.Platform, channel.Ids.Business, element.Str("id"u8) ?? "", element, context, element.Long("time"u8), "entry"));
    }

    // Nothing may follow the body's one JSON value (the reader throws if something does).
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

}
