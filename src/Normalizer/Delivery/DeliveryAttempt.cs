using System.Text.Json.Serialization;

namespace Normalizer.Delivery;

/// <summary>One POST of a delivery, as recorded in <c>delivery_attempts</c>.</summary>
public sealed record DeliveryAttempt
{
    /// <summary>1 for the first attempt.</summary>
    public required int Attempt { get; init; }

    /// <summary>When the attempt started.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The consumer's HTTP status, null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why no response arrived (timeout, connection error); never contains secrets.</summary>
    public string? Error { get; init; }

    /// <summary>Time until the response headers (or the failure).</summary>
    public required long DurationMs { get; init; }

    /// <summary>The consumer took the event: it answered 2xx (any other answer, or none, is retried).</summary>
    [JsonIgnore]
    public bool Delivered => StatusCode is >= 200 and <= 299;
}
