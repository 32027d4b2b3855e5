using Normalizer.Graph;
using Normalizer.Sending;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API errors → <see cref="SendErrorKind"/> (PLATFORM.md §4.4, classes of §4.5; Meta's
/// developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). Codes key the table; the HTTP status
/// decides only for unknown codes. Where §4.4 and §4.5 differ, §4.5 (the middleware's policy) wins.
/// </summary>
internal static class WhatsAppErrorMap
{
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        (code is { } c ? ClassifyCode(c) : null) ?? GraphStatusMap.Classify(httpStatus);

    // WhatsApp documents subcodes as deprecated from v16.0 (§4.1): the code alone decides.
    private static SendErrorKind? ClassifyCode(int code) => code switch
    {
        // Recipient gone — §4.5 WhatsApp column.
        131026 => SendErrorKind.InvalidRecipient,     // §4.4 message undeliverable (not on WhatsApp, old app, ToS)
        131030 => SendErrorKind.InvalidRecipient,     // §4.5 "(test)": recipient not in the test allow-list; unreachable from this number
        133010 => SendErrorKind.InvalidRecipient,     // §4.5 lists it as "business side" in the recipient row (§4.4: number not registered)

        // Window closed — §4.5.
        131047 => SendErrorKind.WindowClosed,         // §4.4 re-engagement: > 24 h since the user's last message

        // Rate limited — §4.5.
        4 => SendErrorKind.RateLimited,               // §4.4 app-level call limit (HTTP 429)
        80007 => SendErrorKind.RateLimited,           // §4.4 WABA rate limit
        130429 => SendErrorKind.RateLimited,          // §4.4 throughput (mps per number) exceeded
        131056 => SendErrorKind.RateLimited,          // §4.4 business–consumer pair rate limit
        131048 => SendErrorKind.RateLimited,          // §4.4 spam rate limit: slow down hard
        17 or 32 or 613 or 80008 => SendErrorKind.RateLimited, // §4.2 generic Graph limits

        // Token bad — §4.5.
        0 => SendErrorKind.TokenInvalid,              // §4.4 AuthException (HTTP 401)
        190 => SendErrorKind.TokenInvalid,            // §4.4 access token expired (HTTP 401)
        102 => SendErrorKind.TokenInvalid,            // §4.2 session invalid

        // Permission / policy — §4.5.
        3 => SendErrorKind.Permission,                // §4.4 capability / permission
        10 => SendErrorKind.Permission,               // §4.4 permission denied (HTTP 403)
        >= 200 and <= 299 => SendErrorKind.Permission, // §4.4 permission missing, system user lacks asset access
        368 => SendErrorKind.Permission,              // §4.4 temporarily blocked for policy violation
        131031 => SendErrorKind.Permission,           // §4.4 account locked
        131005 => SendErrorKind.Permission,           // §4.4 access denied
        131042 => SendErrorKind.Permission,           // §4.4 business eligibility / payment method
        131045 => SendErrorKind.Permission,           // §4.4 phone-number registration (certificate) error: config
        131049 => SendErrorKind.Permission,           // §4.4 per-user marketing cap: policy, do not retry for ≥ 24 h

        // Transient — §4.5 (131052/131053 "once": the send service's cap decides).
        131000 => SendErrorKind.Transient,            // §4.4 something went wrong
        131016 => SendErrorKind.Transient,            // §4.4 service unavailable
        131057 => SendErrorKind.Transient,            // §4.4 account in maintenance mode (throughput upgrade)
        131052 or 131053 => SendErrorKind.Transient,  // §4.4 media download / upload error
        1 or 2 => SendErrorKind.Transient,            // §4.2 generic unknown / temporarily unavailable

        // Payload bug — §4.5.
        100 => SendErrorKind.BadRequest,              // §4.4 invalid parameter
        131008 => SendErrorKind.BadRequest,           // §4.4 required parameter missing
        131009 => SendErrorKind.BadRequest,           // §4.4 parameter value not valid
        131051 => SendErrorKind.BadRequest,           // §4.4 unsupported message type
        131021 => SendErrorKind.BadRequest,           // §4.4 sender and recipient are the same number
        131062 => SendErrorKind.BadRequest,           // §4.4 BSUID recipient not supported for this type: use the phone
        >= 132000 and <= 132999 => SendErrorKind.BadRequest, // §4.5 "132xxx" templates (incl. 132001, 132015/16, 132068/69)
        135000 => SendErrorKind.BadRequest,           // §4.4 generic user error: investigate, no retry
        _ => null,
    };
}
