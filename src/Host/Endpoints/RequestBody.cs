using System.Buffers;

namespace Normalizer.Host.Endpoints;

/// <summary>Reads a request body once into a pooled buffer, refusing it as soon as it passes the cap.</summary>
internal static class RequestBody
{
    /// <summary>The length reported for a body that ended early.</summary>
    public const int Incomplete = -1;

    /// <summary>The answer to a body that ended early (if the client is still there to read it).</summary>
    public static IResult IncompleteResult() =>
        ApiError.Result(StatusCodes.Status400BadRequest, "incomplete_body", "the body ended before its Content-Length");

    /// <summary>
    /// The rented buffer (return it to the shared pool) and the length; a null buffer means too large, or, with a length
    /// of <see cref="Incomplete"/>, that the body ended before its Content-Length (the client went away mid-body).
    /// </summary>
    public static async Task<(byte[]? Buffer, int Length)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }

                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            int read;
            try
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            }
            catch (BadHttpRequestException)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, Incomplete);
            }

            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
            }
        }

        return (buffer, length);
    }
}
