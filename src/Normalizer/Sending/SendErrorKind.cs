using System.Text.Json.Serialization;

namespace Normalizer.Sending;

/// <summary>The taxonomy of send failures (README: sending), each channel's Meta codes mapped onto it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SendErrorKind>))]
public enum SendErrorKind
{
    /// <summary>The recipient ID is unknown, stale or unreachable (PSID reset, blocked, not on WhatsApp).</summary>
    [JsonStringEnumMemberName("invalid_recipient")] InvalidRecipient,
    /// <summary>Outside the 24-hour window without a tag or template that makes it legal.</summary>
    [JsonStringEnumMemberName("window_closed")] WindowClosed,
    /// <summary>The customer stopped the business's marketing messages; a marketing message is refused until they resume.</summary>
    [JsonStringEnumMemberName("opted_out")] OptedOut,
    /// <summary>A Meta rate limit; retried with backoff.</summary>
    [JsonStringEnumMemberName("rate_limited")] RateLimited,
    /// <summary>The access token is invalid or expired; needs re-authorization.</summary>
    [JsonStringEnumMemberName("token_invalid")] TokenInvalid,
    /// <summary>A permission or policy block.</summary>
    [JsonStringEnumMemberName("permission")] Permission,
    /// <summary>A temporary failure; retried with backoff.</summary>
    [JsonStringEnumMemberName("transient")] Transient,
    /// <summary>The request itself is wrong; never retried.</summary>
    [JsonStringEnumMemberName("bad_request")] BadRequest,
}
