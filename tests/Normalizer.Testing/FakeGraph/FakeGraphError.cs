namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A Graph error as the fake answers it (Meta's Graph API error object):
/// <c>{"error":{"message","type","code","error_subcode","error_user_title","error_user_msg","error_data","fbtrace_id"}}</c>.
/// On a WhatsApp number <c>error_data{messaging_product:"whatsapp", details}</c> is always added.
/// </summary>
/// <param name="Code">Meta's <c>code</c>, the primary key of the error.</param>
/// <param name="Subcode"><c>error_subcode</c>, omitted when <c>null</c>.</param>
/// <param name="HttpStatus">The HTTP status; <c>null</c> = the usual one for the code (see <see cref="GraphErrorDefaults"/>).</param>
/// <param name="Message"><c>message</c>; <c>null</c> = Meta's text for well-known codes, else <c>(#code) …</c>.</param>
public sealed record FakeGraphError(int Code, int? Subcode = null, int? HttpStatus = null, string? Message = null)
{
    /// <summary><c>type</c>: Meta answers <c>OAuthException</c> for nearly everything.</summary>
    public string Type { get; init; } = "OAuthException";

    public string? UserTitle { get; init; }

    public string? UserMessage { get; init; }

    /// <summary>WhatsApp <c>error_data.details</c>; defaults to the message.</summary>
    public string? Details { get; init; }

    /// <summary>Extra members of <c>error_data</c> (e.g. the invalid ids of <c>pages_id_mapping</c>), as JSON text.</summary>
    public string? ErrorDataJson { get; init; }

    // Well-known errors, ready to script.

    /// <summary>551/1545041 "This person isn't available right now." (blocked, deactivated, messages off).</summary>
    public static FakeGraphError PersonUnavailable => new(551, 1545041);

    /// <summary>100/2018001 "No matching user found" (PSID unknown for this Page).</summary>
    public static FakeGraphError NoMatchingUser => new(100, 2018001);

    /// <summary>10/2018278 "This message is sent outside of allowed window."</summary>
    public static FakeGraphError OutsideWindow => new(10, 2018278);

    /// <summary>613 "Calls to this api have exceeded the rate limit."</summary>
    public static FakeGraphError RateLimited => new(613);

    /// <summary>190/463 expired token.</summary>
    public static FakeGraphError TokenExpired => new(190, 463);

    /// <summary>WhatsApp 131047 re-engagement: more than 24 h since the user's last message.</summary>
    public static FakeGraphError ReEngagement => new(131047);

    /// <summary>WhatsApp 130429 throughput exceeded.</summary>
    public static FakeGraphError Throughput => new(130429);

    /// <summary>WhatsApp 131026 message undeliverable.</summary>
    public static FakeGraphError Undeliverable => new(131026);
}
