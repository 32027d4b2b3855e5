using System.Buffers;
using System.Text.Json;

namespace Normalizer.Host.Endpoints;

/// <summary>A small JSON object body for the management API, read with a size cap; errors are API errors, never 500s.</summary>
internal static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The parsed document (dispose it) or the error to answer; the error never quotes the body.</summary>
    public static Task<(JsonDocument? Document, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadObjectAsync(request, MaxBytes, cancellationToken);

    /// <summary>As <see cref="ReadObjectAsync(HttpRequest, CancellationToken)"/>, for a body that may be up to <paramref name="maxBytes"/>.</summary>
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (buffer, length) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (length == RequestBody.Incomplete)
        {
            return (null, RequestBody.IncompleteResult());
        }

        if (buffer is null)
        {
            return (null, ApiError.Result(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"the body is larger than {maxBytes} bytes"));
        }

        try
        {
            var document = JsonDocument.Parse(buffer.AsMemory(0, length).ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_body", "the body must be a JSON object"));
        }
        catch (JsonException)
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", "the body is not valid JSON"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An optional string property: false when present but neither a string nor null.</summary>
    public static bool TryGetOptionalString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString();
        return true;
    }
}
