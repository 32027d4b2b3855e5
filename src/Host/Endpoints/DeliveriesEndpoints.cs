using System.Globalization;
using Normalizer.Host.Docs;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/deliveries</c>: where an event went, and how each attempt ended.</summary>
internal static class DeliveriesEndpoints
{
    private const int MaxLimit = 500;

    public static void MapDeliveries(this RouteGroupBuilder v1) =>
        v1.MapGet("/deliveries", ListAsync).WithTags("Subscriptions")
            .WithSummary("Deliveries of an event (event_id) and/or a subscription (subscription_id), in order, with their attempts.").Errors(400);

    private static async Task<IResult> ListAsync(HttpRequest request, IDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var eventId = request.Query["event_id"].ToString();
        var subscriptionId = request.Query["subscription_id"].ToString();
        var limitText = request.Query["limit"].ToString();
        var limit = 100;
        if ((eventId.Length == 0 && subscriptionId.Length == 0) ||
            (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query",
                $"give 'event_id' and/or 'subscription_id'; 'limit' is 1–{MaxLimit}");
        }

        var records = await deliveries.ListAsync(eventId.Length > 0 ? eventId : null, subscriptionId.Length > 0 ? subscriptionId : null,
            limit, cancellationToken);
        return TypedResults.Json(new DeliveryList([.. records.Select(DeliveryView.From)]), HostJsonContext.Default.DeliveryList);
    }
}
