using System.Text.Json;
using Normalizer.Host.Docs;
using Normalizer.Json;
using Normalizer.Sending;

namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/messages</c>: the one send API (README: sending).</summary>
internal static class MessagesEndpoints
{
    public static void MapMessages(this RouteGroupBuilder v1) =>
        v1.MapPost("/messages", SendAsync).WithTags("Send")
            .WithSummary("Send a message: the right Page token, retries, the invalid-recipient fallback; 200 sent, 202 queued, 422/429/502 failed.")
            .Accepts<SendRequest>("application/json")
            .Produces<SendResult>(StatusCodes.Status200OK).Produces<SendResult>(StatusCodes.Status202Accepted)
            .Produces<SendResult>(StatusCodes.Status422UnprocessableEntity).Produces<SendResult>(StatusCodes.Status429TooManyRequests)
            .Produces<SendResult>(StatusCodes.Status502BadGateway)
            .Errors(400);

    private static async Task<IResult> SendAsync(HttpRequest http, MessageSender sender, CancellationToken cancellationToken)
    {
        SendRequest? request;
        try
        {
            request = await http.ReadFromJsonAsync(NormalizerJsonContext.Default.SendRequest, cancellationToken);
        }
        catch (JsonException ex)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", $"the body is not a valid send request: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "send a JSON body with Content-Type application/json");
        }

        if (request is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "the body is empty");
        }

        var (invalid, result) = await sender.SendAsync(request, cancellationToken);
        if (result is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", string.Join("; ", invalid.Select(e => e.ErrorMessage)));
        }

        return TypedResults.Json(result, NormalizerJsonContext.Default.SendResult, statusCode: StatusOf(result));
    }

    /// <summary>sent 200, queued 202; failed: 422 for what the caller must change, 429 after rate-limit retries, 502 for Meta-side trouble.</summary>
    public static int StatusOf(SendResult result) => result.Status switch
    {
        SendStatus.Sent => StatusCodes.Status200OK,
        SendStatus.Queued => StatusCodes.Status202Accepted,
        _ => result.Error?.Kind switch
        {
            SendErrorKind.InvalidRecipient or SendErrorKind.WindowClosed or SendErrorKind.OptedOut or SendErrorKind.BadRequest
                => StatusCodes.Status422UnprocessableEntity,
            SendErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status502BadGateway,
        },
    };
}
