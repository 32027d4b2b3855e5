using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Normalizer.Host.Tests.Crash;

/// <summary>The API of a child host, as a consumer calls it: subscriptions, the event log, readiness.</summary>
internal sealed class HostApi : IDisposable
{
    private readonly HttpClient _client;

    public HostApi(Uri baseAddress, string apiKey)
    {
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>Creates a subscription for every event; returns its id and secret.</summary>
    public async Task<(string Id, string Secret)> SubscribeAsync(string url, CancellationToken cancellationToken)
    {
        using var body = new StringContent(JsonSerializer.Serialize(new { url }), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("v1/subscriptions", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /v1/subscriptions answered {(int)response.StatusCode}: {text}");
        }

        using var created = JsonDocument.Parse(text);
        return (created.RootElement.GetProperty("id").GetString()!, created.RootElement.GetProperty("secret").GetString()!);
    }

    /// <summary>Inbox rows not yet processed into events (<c>/readyz</c>).</summary>
    public async Task<long> InboxPendingAsync(CancellationToken cancellationToken)
    {
        var ready = await _client.GetFromJsonAsync<JsonElement>("readyz", cancellationToken);
        return ready.GetProperty("inbox_pending").GetInt64();
    }

    /// <summary>Pages <c>/v1/events</c> from after <paramref name="cursor"/> to the end into <paramref name="events"/>; returns the last cursor.</summary>
    public async Task<string?> ReadEventsAsync(string? cursor, List<JsonElement> events, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _client.GetFromJsonAsync<JsonElement>(
                "v1/events?limit=1000" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor)), cancellationToken);
            var data = page.GetProperty("data");
            if (data.GetArrayLength() == 0)
            {
                return cursor;
            }

            events.AddRange(data.EnumerateArray().Select(e => e.Clone()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
    }

    public void Dispose() => _client.Dispose();
}
