using System.Text.Json;

namespace Normalizer.Graph;

/// <summary>
/// Meta's error object (Meta's Graph API error object), read tolerantly: every member may be missing. A failure without a Graph
/// error body (a 5xx HTML page, a timeout, a refused connection) has no <see cref="Code"/>.
/// </summary>
public sealed record GraphError
{
    /// <summary><c>code</c>, the primary key of the error.</summary>
    public int? Code { get; init; }

    /// <summary><c>error_subcode</c>.</summary>
    public int? Subcode { get; init; }

    /// <summary><c>type</c>, e.g. OAuthException.</summary>
    public string? Type { get; init; }

    /// <summary><c>message</c>, or Normalizer's description when Meta sent none (never a token, secret or proof).</summary>
    public required string Message { get; init; }

    /// <summary><c>error_user_title</c>.</summary>
    public string? UserTitle { get; init; }

    /// <summary><c>error_user_msg</c>.</summary>
    public string? UserMessage { get; init; }

    /// <summary><c>fbtrace_id</c> (or the <c>x-fb-trace-id</c> header).</summary>
    public string? FbtraceId { get; init; }

    /// <summary><c>error_data</c>: an object on WhatsApp and pages_id_mapping, sometimes a string.</summary>
    public JsonElement? ErrorData { get; init; }

    /// <summary><c>error_data.details</c> (WhatsApp).</summary>
    public string? Details { get; init; }

    /// <summary>No answer from Meta: the host was unreachable or the call timed out.</summary>
    public bool IsNetworkFailure { get; init; }
}
