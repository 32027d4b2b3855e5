using System.Text.Json.Serialization;
using Normalizer.Delivery;

namespace Normalizer.Host.Endpoints;

/// <summary>One attempt; <c>status_code</c> and <c>error</c> are always present (null when not applicable).</summary>
public sealed record DeliveryAttemptView(
    int Attempt, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? StatusCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Error,
    long DurationMs)
{
    public static DeliveryAttemptView From(DeliveryAttempt attempt) =>
        new(attempt.Attempt, attempt.At, attempt.StatusCode, attempt.Error, attempt.DurationMs);
}
