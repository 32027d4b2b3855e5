using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Normalizer.Events;
using Normalizer.Host.Docs;
using Normalizer.Host.Options;
using Normalizer.Json;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary>The pull side of delivery (README: delivery): pages of the event log, one event, and a live stream.</summary>
internal static class EventsEndpoints
{
    public static void MapEvents(this RouteGroupBuilder v1)
    {
        var events = v1.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync).WithSummary("Events after a cursor, in order: { data, next_cursor }.").Errors(400);
        events.MapGet("/rates", RatesAsync).WithSummary("Events received over the last hour, per channel and per Page, in 5-minute buckets.");
        events.MapGet("/stream", Stream).WithSummary("Live events as Server-Sent Events (id = cursor); 'after' or Last-Event-ID replays first.").Errors(400);
        events.MapGet("/{id}", GetAsync).WithSummary("One event by id.").Errors(404);
        v1.MapGet("/quarantine", QuarantineAsync).WithTags("Events").WithSummary("Webhooks or events that could not be processed, with the reason.").Errors(400);
        v1.MapPost("/quarantine/{id}/reprocess", ReprocessAsync).WithTags("Events")
            .WithSummary("Puts a quarantined webhook back in the inbox to be processed again (after a fix); 202 with its new inbox id.").Errors(404);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IEventStore store, CancellationToken cancellationToken)
    {
        if (ParseQuery(request) is not { } query)
        {
            return QueryError(request);
        }

        var page = await store.ListAsync(query, cancellationToken);
        var next = page.Count == 0 ? null : page[^1].Seq.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(new EventPage([.. page.Select(e => e.Event)], next), HostJsonContext.Default.EventPage);
    }

    private static async Task<IResult> GetAsync(string id, IEventStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } stored
            ? TypedResults.Json(stored.Event, NormalizerJsonContext.Default.NormalizedEvent)
            : ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no event with id '{id}'");

    private static IResult Stream(HttpRequest request, IEventStore store, EventFeed feed)
    {
        if (request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastId && !request.Query.ContainsKey("after"))
        {
            request.QueryString = request.QueryString.Add("after", lastId);
        }

        return ParseQuery(request) is { } query
            ? TypedResults.ServerSentEvents(Items(query, request.Query.ContainsKey("after"), store, feed, request.HttpContext.Response, request.HttpContext.RequestAborted))
            : QueryError(request);
    }

    /// <summary>
    /// How often a live stream reads the log without news from this host: events other hosts of a shared store commit reach
    /// its clients within this delay (those of this host at once).
    /// </summary>
    public static readonly TimeSpan StreamPollInterval = TimeSpan.FromSeconds(1);

    // Pages the log from the cursor (replay) and then whenever this host stores events or the poll interval passes: the log
    // is the one source, so every host's stream shows every host's events, in log order, never skipping one.
    private static async IAsyncEnumerable<SseItem<string>> Items(
        EventQuery query, bool replay, IEventStore store, EventFeed feed, HttpResponse response,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = replay ? query.After : (await store.HeadAsync(cancellationToken));

        // The headers go out now, not with the first event: a client that sees them knows every later event will come.
        await response.Body.FlushAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = feed.NextAsync;
            var page = await store.ListAsync(query with { After = last, Limit = EventQuery.MaxLimit }, cancellationToken);
            foreach (var stored in page)
            {
                last = stored.Seq;
                yield return ToItem(stored);
            }

            if (page.Count < EventQuery.MaxLimit)
            {
                try
                {
                    await next.WaitAsync(StreamPollInterval, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // poll: another host may have stored events
                }
            }
        }
    }

    private static SseItem<string> ToItem(StoredEvent stored) =>
        new(JsonSerializer.Serialize(stored.Event, NormalizerJsonContext.Default.NormalizedEvent), stored.Event.Event)
        {
            EventId = stored.Seq.ToString(CultureInfo.InvariantCulture),
        };

    private static async Task<IResult> QuarantineAsync(HttpRequest request, IQuarantine quarantine, CancellationToken cancellationToken)
    {
        if (!TryCursor(request, out var after) || !TryLimit(request, out var limit))
        {
            return QueryError(request);
        }

        var page = await quarantine.ListAsync(after, limit, cancellationToken);
        var next = page.Count == 0 ? null : page[^1].Id.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(new QuarantinePage(page, next), HostJsonContext.Default.QuarantinePage);
    }

    /// <summary>The range and resolution of <c>/v1/events/rates</c>.</summary>
    public static readonly TimeSpan RatesRange = TimeSpan.FromHours(1), RatesBucket = TimeSpan.FromMinutes(5);

    private static async Task<IResult> RatesAsync(IEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var buckets = (int)(RatesRange / RatesBucket);
        var bucketMs = (long)RatesBucket.TotalMilliseconds;
        // Whole buckets ending with the current one.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var since = (now / bucketMs * bucketMs) - ((buckets - 1) * bucketMs);
        var counts = await store.CountSinceAsync(since, bucketMs, cancellationToken);
        var pages = counts.GroupBy(c => (c.Platform, c.PageId)).Select(g => Series(g.Key.Platform, g.Key.PageId, g, buckets)).ToList();
        var channels = counts.GroupBy(c => c.Platform).Select(g => Series(g.Key, null, g, buckets)).ToList();
        return TypedResults.Json(new EventRates(DateTimeOffset.FromUnixTimeMilliseconds(since), (int)RatesBucket.TotalSeconds, channels, pages),
            HostJsonContext.Default.EventRates);
    }

    private static RateSeries Series(string platform, string? pageId, IEnumerable<EventCount> counts, int buckets)
    {
        var series = new long[buckets];
        foreach (var count in counts.Where(c => c.Bucket >= 0 && c.Bucket < buckets))
        {
            series[count.Bucket] += count.Count;
        }

        return new RateSeries(platform, pageId, series);
    }

    private static async Task<IResult> ReprocessAsync(
        string id, IQuarantine quarantine, IInbox inbox, IOptionsMonitor<MetaOptions> meta, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var quarantineId) ||
            await quarantine.GetAsync(quarantineId, cancellationToken) is not { } entry)
        {
            return ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no quarantined item '{ApiError.Shown(id)}'");
        }

        // Only accepted webhooks reach the quarantine: with signatures required, each one was verified.
        var inboxId = await inbox.AppendAsync(new InboxItem(time.GetUtcNow(), null, meta.CurrentValue.RequireSignature, null,
            System.Text.Encoding.UTF8.GetBytes(entry.Body)), cancellationToken);
        await quarantine.RemoveAsync(quarantineId, cancellationToken);
        return TypedResults.Json(new QuarantineRequeued(quarantineId, inboxId), HostJsonContext.Default.QuarantineRequeued,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static EventQuery? ParseQuery(HttpRequest request)
    {
        if (!TryCursor(request, out var after) || !TryLimit(request, out var limit))
        {
            return null;
        }

        Platform? platform = null;
        if (request.Query["platform"].ToString() is { Length: > 0 } p)
        {
            if (!PlatformNames.TryParse(p, out var parsed))
            {
                return null;
            }

            platform = parsed;
        }

        var name = request.Query["event"].ToString();
        if (name.Length > 0 && !EventName.IsKnown(name))
        {
            return null;
        }

        var pageId = request.Query["page_id"].ToString();
        return new EventQuery
        {
            After = after, Limit = limit, Platform = platform,
            PageId = pageId.Length > 0 ? pageId : null, Event = name.Length > 0 ? name : null,
        };
    }

    private static bool TryCursor(HttpRequest request, out long after)
    {
        var text = request.Query["after"].ToString();
        after = 0;
        return text.Length == 0 || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0);
    }

    private static bool TryLimit(HttpRequest request, out int limit)
    {
        var text = request.Query["limit"].ToString();
        limit = 100;
        return text.Length == 0 ||
            (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= EventQuery.MaxLimit);
    }

    private static IResult QueryError(HttpRequest request) => ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query",
        $"invalid query '{request.QueryString}': 'after' is a cursor from next_cursor, 'limit' 1–{EventQuery.MaxLimit}, " +
        "'platform' facebook|instagram|whatsapp, 'event' a known event name");
}
