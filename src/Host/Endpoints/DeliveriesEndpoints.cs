using System.Globalization;
using Normalizer.Delivery;
using Normalizer.Host.Docs;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/deliveries</c>: where an event went, and how each attempt ended.</summary>
internal static class DeliveriesEndpoints
{
    private const int MaxLimit = 500;

    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Dead];

    public static void MapDeliveries(this RouteGroupBuilder v1) =>
        v1.MapGet("/deliveries", ListAsync).WithTags("Subscriptions")
            .WithSummary("Deliveries of an event (event_id) and/or a subscription (subscription_id), in order, with their attempts; " +
                "'status' (pending|delivered|dead) keeps those in that state among the first 500.").Errors(400);

    private static async Task<IResult> ListAsync(HttpRequest request, IDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var eventId = request.Query["event_id"].ToString();
        var subscriptionId = request.Query["subscription_id"].ToString();
        var status = request.Query["status"].ToString();
        var limitText = request.Query["limit"].ToString();
        var limit = 100;
        if ((eventId.Length == 0 && subscriptionId.Length == 0 && status.Length == 0) ||
            (status.Length > 0 && !Statuses.Contains(status, StringComparer.Ordinal)) ||
            (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query",
                $"give 'event_id', 'subscription_id' and/or 'status' ({string.Join('|', Statuses)}); 'limit' is 1–{MaxLimit}");
        }

        // A status is derived from the attempts, not stored: it filters the first deliveries listed.
        var records = await deliveries.ListAsync(eventId.Length > 0 ? eventId : null, subscriptionId.Length > 0 ? subscriptionId : null,
            status.Length > 0 ? MaxLimit : limit, cancellationToken);
        return TypedResults.Json(
            new DeliveryList([.. records.Where(r => status.Length == 0 || r.Status == status).Take(limit).Select(DeliveryView.From)]),
            HostJsonContext.Default.DeliveryList);
    }
}
