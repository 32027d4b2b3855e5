using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Normalizer.Host.Tests;

/// <summary>Test helpers over the subscriptions and deliveries API.</summary>
internal static class SubscriptionsApi
{
    public static async Task<(string Id, string Secret)> SubscribeAsync(this NormalizerApplication app, string json)
    {
        using var api = app.Api();
        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json(json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        app.WatchSecret(secret);
        app.WatchSecret(secret["whsec_".Length..]);
        return (body.GetProperty("id").GetString()!, secret);
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this NormalizerApplication app, string query)
    {
        using var api = app.Api();
        var page = await api.GetFromJsonAsync<JsonElement>("/v1/deliveries?" + query);
        return [.. page.GetProperty("data").EnumerateArray().Select(d => d.Clone())];
    }

    /// <summary>Polls <c>/v1/deliveries</c> until <paramref name="predicate"/> holds (bounded wait).</summary>
    public static async Task<List<JsonElement>> WaitForDeliveriesAsync(
        this NormalizerApplication app, string query, Func<List<JsonElement>, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var deliveries = await app.DeliveriesAsync(query);
            if (predicate(deliveries))
            {
                return deliveries;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"deliveries did not reach the expected state: {JsonSerializer.Serialize(deliveries)}");
            }

            await Task.Delay(25);
        }
    }

    public static string Status(this JsonElement delivery) => delivery.GetProperty("status").GetString()!;

    public static int[] AttemptStatusCodes(this JsonElement delivery) =>
        [.. delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status_code").ValueKind == JsonValueKind.Null ? 0 : a.GetProperty("status_code").GetInt32())];
}
