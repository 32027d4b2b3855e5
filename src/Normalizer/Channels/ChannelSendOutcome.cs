using Normalizer.Sending;

namespace Normalizer.Channels;

/// <summary>What Meta answered to one send call.</summary>
public sealed record ChannelSendOutcome
{
    /// <summary>Meta's message id (mid / wamid) on success.</summary>
    public string? MessageId { get; init; }

    /// <summary>The classified error on failure.</summary>
    public SendError? Error { get; init; }

    /// <summary>How long Meta asks to wait before retrying (Retry-After, estimated_time_to_regain_access), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A success.</summary>
    public static ChannelSendOutcome Sent(string? messageId) => new() { MessageId = messageId };

    /// <summary>A request refused before calling Meta.</summary>
    public static ChannelSendOutcome BadRequest(string message) =>
        Failed(new SendError { Kind = SendErrorKind.BadRequest, Message = message });

    /// <summary>Meta's answer to a send call: the message id, or the error classified by the channel's table.</summary>
    public static ChannelSendOutcome FromGraph(Graph.GraphResponse response, string? messageId, Func<int, int?, int?, SendErrorKind> classify)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(classify);
        return response.IsSuccess
            ? Sent(messageId)
            : Failed(response.ToSendError(classify(response.StatusCode, response.Error?.Code, response.Error?.Subcode)), response.RetryAfter);
    }

    /// <summary>A failure.</summary>
    public static ChannelSendOutcome Failed(SendError error, TimeSpan? retryAfter = null) => new() { Error = error, RetryAfter = retryAfter };
}
