using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Normalizer.Delivery;
using Normalizer.Host.Docs;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary>The push side of delivery (README: delivery): subscriptions and replay. The secret is shown once, at creation.</summary>
internal static class SubscriptionsEndpoints
{
    // The secret is base64: written with '+' rather than the default '\u002B', so it can be copied from the raw answer.
    private static readonly JsonSerializerOptions CreatedJson = new(HostJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapSubscriptions(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/subscriptions").WithTags("Subscriptions");
        group.MapPost("/", CreateAsync).WithSummary("Create a subscription: url, optional whsec_ secret, optional filters; 201 with the secret.").Errors(400);
        group.MapGet("/", ListAsync).WithSummary("All subscriptions (never with secrets).");
        group.MapGet("/{id}", GetAsync).WithSummary("One subscription (never with its secret).").Errors(404);
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a subscription; its deliveries stop, and those waiting for a retry become dead.").Errors(404);
        group.MapPost("/{id}/events/{eventId}/replay", ReplayEventAsync)
            .WithSummary("Send one event again to the subscription (a dead letter); 202 with the count (0 when the event does not match its filters).")
            .Errors(404);
        group.MapPost("/{id}/replay", ReplayAsync).WithSummary("Send again the events with cursors in [from, to] that match the subscription (a cursor over the range); 202 with the count.")
            .Errors(400, 404);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SubscriptionRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return error!;
        }

        SubscriptionRequest? input;
        try
        {
            using (document)
            {
                input = document.RootElement.Deserialize(HostJsonContext.Default.SubscriptionRequest);
            }
        }
        catch (JsonException ex)
        {
            // The path names the field; the exception message could quote the (secret) value, so it is not used.
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", ex.Path is { Length: > 1 } path
                ? $"'{path.TrimStart('$', '.')}' is not valid here (unknown member or wrong type): expected {{ url, secret?, platforms?, page_ids?, events? }}"
                : "the body must be a JSON object { url, secret?, platforms?, page_ids?, events? }");
        }

        if (input is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", "the body must be a JSON object { url, secret?, platforms?, page_ids?, events? }");
        }

        if (SubscriptionInput.Create(input, time.GetUtcNow(), out var problem) is not { } subscription)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_subscription", problem!);
        }

        await registry.AddAsync(subscription, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"/v1/subscriptions/{subscription.Id}";
        return TypedResults.Json(SubscriptionView.From(subscription, withSecret: true), CreatedJson, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(SubscriptionRegistry registry, CancellationToken cancellationToken)
    {
        var all = await registry.ListAsync(cancellationToken);
        return TypedResults.Json(new SubscriptionList([.. all.Select(s => SubscriptionView.From(s))]), HostJsonContext.Default.SubscriptionList);
    }

    private static async Task<IResult> GetAsync(string id, SubscriptionRegistry registry, CancellationToken cancellationToken) =>
        await registry.GetAsync(id, cancellationToken) is { } subscription
            ? TypedResults.Json(SubscriptionView.From(subscription), HostJsonContext.Default.SubscriptionView)
            : NotFound(id);

    private static async Task<IResult> DeleteAsync(string id, SubscriptionRegistry registry, CancellationToken cancellationToken) =>
        await registry.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<IResult> ReplayAsync(
        string id, HttpRequest request, SubscriptionRegistry registry, IDeliveryStore deliveries, DeliveryDispatcher dispatcher,
        CancellationToken cancellationToken)
    {
        if (!TryCursor(request, "from", 0, out var from) || !TryCursor(request, "to", long.MaxValue, out var to) || from > to)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query",
                $"invalid query '{request.QueryString}': 'from' and 'to' are event cursors (next_cursor of /v1/events), from ≤ to, both optional");
        }

        if (await registry.GetAsync(id, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        var queued = await deliveries.ReplayAsync(subscription, from, to, cancellationToken);
        dispatcher.Refresh(subscription.Id);
        return TypedResults.Json(new ReplayAccepted(subscription.Id, queued), HostJsonContext.Default.ReplayAccepted,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ReplayEventAsync(
        string id, string eventId, SubscriptionRegistry registry, IEventStore events, IDeliveryStore deliveries, DeliveryDispatcher dispatcher,
        CancellationToken cancellationToken)
    {
        if (await registry.GetAsync(id, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        if (await events.GetAsync(eventId, cancellationToken) is not { } stored)
        {
            return ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no event with id '{ApiError.Shown(eventId)}'");
        }

        var queued = await deliveries.ReplayAsync(subscription, stored.Seq, stored.Seq, cancellationToken);
        dispatcher.Refresh(subscription.Id);
        return TypedResults.Json(new ReplayAccepted(subscription.Id, queued), HostJsonContext.Default.ReplayAccepted,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool TryCursor(HttpRequest request, string name, long fallback, out long value)
    {
        var text = request.Query[name].ToString();
        value = fallback;
        return text.Length == 0 || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static IResult NotFound(string id) =>
        ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no subscription with id '{ApiError.Shown(id)}'");
}
