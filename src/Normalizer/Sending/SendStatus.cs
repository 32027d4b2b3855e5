using System.Text.Json.Serialization;

namespace Normalizer.Sending;

/// <summary>The result of a send: <c>sent</c> (200), <c>queued</c> (202) or <c>failed</c> (4xx/5xx).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SendStatus>))]
public enum SendStatus
{
    /// <summary>Meta accepted the message.</summary>
    [JsonStringEnumMemberName("sent")] Sent,
    /// <summary>Kept until the person writes again.</summary>
    [JsonStringEnumMemberName("queued")] Queued,
    /// <summary>Not sent; see <c>error</c>.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
