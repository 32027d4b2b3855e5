using System.Globalization;
using System.Text.Json;
using Normalizer.Sending;

namespace Normalizer.Graph;

/// <summary>What one Graph call returned: status, parsed body, Meta's error, and how long Meta asks to wait.</summary>
public sealed record GraphResponse
{
    /// <summary>The HTTP status; 0 when no answer came (unreachable host, timeout).</summary>
    public required int StatusCode { get; init; }

    /// <summary>The body when it was JSON.</summary>
    public JsonElement? Body { get; init; }

    /// <summary>The error, when the call failed.</summary>
    public GraphError? Error { get; init; }

    /// <summary>From <c>Retry-After</c>, else the largest <c>estimated_time_to_regain_access</c> (minutes) of <c>X-Business-Use-Case-Usage</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 2xx answer without an error.</summary>
    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;

    /// <summary>A string member of the top-level body, when present.</summary>
    public string? String(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// The error as a send error of <paramref name="kind"/>, keeping Meta's code, subcode, message and fbtrace_id.
    /// </summary>
    public SendError ToSendError(SendErrorKind kind) => new()
    {
        Kind = kind,
        Code = Error?.Code,
        Subcode = Error?.Subcode,
        Message = Error?.Message ?? string.Create(CultureInfo.InvariantCulture, $"Graph API answered HTTP {StatusCode}."),
        FbtraceId = Error?.FbtraceId,
    };
}
