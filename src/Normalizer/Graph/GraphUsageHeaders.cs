using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Normalizer.Graph;

/// <summary>
/// How long Meta asks to wait: <c>Retry-After</c> (seconds or a date), else the largest
/// <c>estimated_time_to_regain_access</c> of <c>X-Business-Use-Case-Usage</c>, which is in minutes (Meta's rate limits).
/// </summary>
internal static class GraphUsageHeaders
{
    public const string BusinessUseCaseUsage = "X-Business-Use-Case-Usage";

    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
            if (wait is { } w)
            {
                return w < TimeSpan.Zero ? TimeSpan.Zero : w;
            }
        }

        return headers.TryGetValues(BusinessUseCaseUsage, out var values) ? RegainAccess(values) : null;
    }

    // {"<business-object-id>":[{"type":"messenger","call_count":97,…,"estimated_time_to_regain_access":0}]}
    public static TimeSpan? RegainAccess(IEnumerable<string> headerValues)
    {
        var minutes = 0d;
        foreach (var value in headerValues)
        {
            try
            {
                using var doc = JsonDocument.Parse(value);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var business in doc.RootElement.EnumerateObject())
                {
                    if (business.Value.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var usage in business.Value.EnumerateArray())
                    {
                        if (usage.ValueKind == JsonValueKind.Object
                            && usage.TryGetProperty("estimated_time_to_regain_access"u8, out var eta)
                            && ReadNumber(eta) is { } m && m > minutes)
                        {
                            minutes = m;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // A header we cannot read gives no hint; the caller backs off on its own.
            }
        }

        return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
    }

    private static double? ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) => d,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
