using System.ComponentModel;
using System.Text.Json.Serialization;
using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>The answer of <c>POST /v1/messages</c> (README: sending): what was used, every attempt, the fallback taken.</summary>
public sealed record SendResult
{
    /// <summary>sent, queued or failed.</summary>
    [Description("sent, queued or failed.")]
    public required SendStatus Status { get; init; }

    /// <summary>Channel actually used (the last attempt's).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Channel actually used (the last attempt's); null when none was reached.")]
    public Platform? Platform { get; init; }

    /// <summary>Page / account / number actually used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Page / account / number actually used; null when none was reached.")]
    public string? PageId { get; init; }

    /// <summary>Recipient ID actually used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Recipient ID actually used; null when none was reached.")]
    public string? To { get; init; }

    /// <summary>Meta's message id (mid / wamid) when sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Meta's message id (mid / wamid) when sent, else null.")]
    public string? MessageId { get; init; }

    /// <summary>null, <c>refreshed_id</c> or <c>channel</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("null, refreshed_id or channel.")]
    public string? Fallback { get; init; }

    /// <summary>Every call made, in order.</summary>
    [Description("Every call made, in order.")]
    public required IReadOnlyList<SendAttempt> Attempts { get; init; }

    /// <summary>Why it failed (status failed), or why it was queued.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Why it failed (status failed), or why it was queued; null when sent.")]
    public SendError? Error { get; init; }

    /// <summary>Id of the queued send, when status is queued.</summary>
    [Description("Id of the queued send, when status is queued.")]
    public string? QueuedId { get; init; }
}
