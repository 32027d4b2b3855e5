using System.Globalization;
using System.Text.Json;

namespace Normalizer.Graph;

/// <summary>
/// Reads Meta's <c>{"error":{…}}</c> (Meta's Graph API error object) tolerantly: numbers may come as strings, members may be
/// missing, and a non-JSON body (a 502 HTML page) still yields an error carrying the HTTP status.
/// </summary>
internal static class GraphErrorParser
{
    /// <summary>The error of an answer, or null for a success without an error member.</summary>
    public static GraphError? Parse(int status, JsonElement? body, string? traceHeader)
    {
        var success = status is >= 200 and < 300;
        if (body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("error"u8, out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                var data = error.TryGetProperty("error_data"u8, out var d) && d.ValueKind is not JsonValueKind.Null ? d.Clone() : (JsonElement?)null;
                var code = Int(error, "code");
                return new GraphError
                {
                    Code = code,
                    Subcode = Int(error, "error_subcode"),
                    Type = Str(error, "type"),
                    Message = Str(error, "message") ?? Str(error, "error_user_msg") ?? Describe(status, code),
                    UserTitle = Str(error, "error_user_title"),
                    UserMessage = Str(error, "error_user_msg"),
                    FbtraceId = Str(error, "fbtrace_id") ?? traceHeader,
                    ErrorData = data,
                    Details = data is { ValueKind: JsonValueKind.Object } o ? Str(o, "details") : null,
                };
            }

            // Some old endpoints answer {"error":"text"}.
            return new GraphError
            {
                Message = error.ValueKind == JsonValueKind.String ? error.GetString() ?? Describe(status, null) : Describe(status, null),
                FbtraceId = traceHeader,
            };
        }

        return success ? null : new GraphError { Message = Describe(status, null), FbtraceId = traceHeader };
    }

    public static string Describe(int status, int? code) => code is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"Graph API error {c} (HTTP {status}).")
        : string.Create(CultureInfo.InvariantCulture, $"Graph API answered HTTP {status} without a Graph error.");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static int? Int(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
