using Normalizer.Sending;

namespace Normalizer.Graph;

/// <summary>
/// The class of a failure Meta gave no known code for, from the HTTP status alone (Meta's Graph API error object: key on
/// <c>code</c>, not on status, whenever there is one; Meta: retry guidance: HTTP 5xx and timeouts are transient).
/// </summary>
public static class GraphStatusMap
{
    /// <summary>0 (no answer: unreachable, timeout), 408 and 5xx are transient; 429 rate limited; 401 token; 403 permission; the rest bad_request.</summary>
    public static SendErrorKind Classify(int httpStatus) => httpStatus switch
    {
        0 => SendErrorKind.Transient,                 // Meta: retry guidance timeouts / unreachable host
        408 => SendErrorKind.Transient,               // request timeout
        429 => SendErrorKind.RateLimited,             // Meta: WhatsApp Cloud API error codes WA lists HTTP 429 for rate limits
        401 => SendErrorKind.TokenInvalid,            // Meta: WhatsApp Cloud API error codes WA lists HTTP 401 for token errors
        403 => SendErrorKind.Permission,              // Meta: WhatsApp Cloud API error codes WA lists HTTP 403 for permission errors
        >= 500 => SendErrorKind.Transient,            // Meta: retry guidance HTTP 5xx
        _ => SendErrorKind.BadRequest,                // an unknown 4xx: never blind-retry (Meta's developer docs rule 5)
    };
}
