using Normalizer.Graph;
using Normalizer.Sending;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API errors → <see cref="SendErrorKind"/> (Meta's WhatsApp Cloud API error codes; Meta's
/// developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). Codes key the table; the HTTP status
/// decides only for unknown codes. Where Meta: WhatsApp Cloud API error codes and Meta: retry guidance differ, Meta: retry guidance (the middleware's policy) wins.
/// </summary>
internal static class WhatsAppErrorMap
{
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        (code is { } c ? ClassifyCode(c) : null) ?? GraphStatusMap.Classify(httpStatus);

    // WhatsApp documents subcodes as deprecated from v16.0 (Meta: Graph API error object): the code alone decides.
    private static SendErrorKind? ClassifyCode(int code) => code switch
    {
        // Recipient gone — Meta: retry guidance WhatsApp column.
        131026 => SendErrorKind.InvalidRecipient,     // Meta: WhatsApp Cloud API error codes message undeliverable (not on WhatsApp, old app, ToS)
        131030 => SendErrorKind.InvalidRecipient,     // Meta: retry guidance "(test)": recipient not in the test allow-list; unreachable from this number
        133010 => SendErrorKind.InvalidRecipient,     // Meta: retry guidance lists it as "business side" in the recipient row (Meta: WhatsApp Cloud API error codes: number not registered)

        // Window closed — Meta: retry guidance.
        131047 => SendErrorKind.WindowClosed,         // Meta: WhatsApp Cloud API error codes re-engagement: > 24 h since the user's last message

        // Marketing stopped by the customer (user_preferences "stop"): nothing but a resume makes a marketing message legal.
        131050 => SendErrorKind.OptedOut,             // Meta: WhatsApp Cloud API error codes the recipient chose to stop marketing messages from the business

        // Rate limited — Meta: retry guidance.
        4 => SendErrorKind.RateLimited,               // Meta: WhatsApp Cloud API error codes app-level call limit (HTTP 429)
        80007 => SendErrorKind.RateLimited,           // Meta: WhatsApp Cloud API error codes WABA rate limit
        130429 => SendErrorKind.RateLimited,          // Meta: WhatsApp Cloud API error codes throughput (mps per number) exceeded
        131056 => SendErrorKind.RateLimited,          // Meta: WhatsApp Cloud API error codes business–consumer pair rate limit
        131048 => SendErrorKind.RateLimited,          // Meta: WhatsApp Cloud API error codes spam rate limit: slow down hard
        17 or 32 or 613 or 80008 => SendErrorKind.RateLimited, // Meta: Graph API error codes generic Graph limits

        // Token bad — Meta: retry guidance.
        0 => SendErrorKind.TokenInvalid,              // Meta: WhatsApp Cloud API error codes AuthException (HTTP 401)
        190 => SendErrorKind.TokenInvalid,            // Meta: WhatsApp Cloud API error codes access token expired (HTTP 401)
        102 => SendErrorKind.TokenInvalid,            // Meta: Graph API error codes session invalid

        // Permission / policy — Meta: retry guidance.
        3 => SendErrorKind.Permission,                // Meta: WhatsApp Cloud API error codes capability / permission
        10 => SendErrorKind.Permission,               // Meta: WhatsApp Cloud API error codes permission denied (HTTP 403)
        >= 200 and <= 299 => SendErrorKind.Permission, // Meta: WhatsApp Cloud API error codes permission missing, system user lacks asset access
        368 => SendErrorKind.Permission,              // Meta: WhatsApp Cloud API error codes temporarily blocked for policy violation
        131031 => SendErrorKind.Permission,           // Meta: WhatsApp Cloud API error codes account locked
        131005 => SendErrorKind.Permission,           // Meta: WhatsApp Cloud API error codes access denied
        131042 => SendErrorKind.Permission,           // Meta: WhatsApp Cloud API error codes business eligibility / payment method
        131045 => SendErrorKind.Permission,           // Meta: WhatsApp Cloud API error codes phone-number registration (certificate) error: config
        131049 => SendErrorKind.Permission,           // Meta: WhatsApp Cloud API error codes per-user marketing cap: policy, do not retry for ≥ 24 h

        // Transient — Meta: retry guidance (131052/131053 "once": the send service's cap decides).
        131000 => SendErrorKind.Transient,            // Meta: WhatsApp Cloud API error codes something went wrong
        131016 => SendErrorKind.Transient,            // Meta: WhatsApp Cloud API error codes service unavailable
        131057 => SendErrorKind.Transient,            // Meta: WhatsApp Cloud API error codes account in maintenance mode (throughput upgrade)
        131052 or 131053 => SendErrorKind.Transient,  // Meta: WhatsApp Cloud API error codes media download / upload error
        1 or 2 => SendErrorKind.Transient,            // Meta: Graph API error codes generic unknown / temporarily unavailable

        // Payload bug — Meta: retry guidance.
        100 => SendErrorKind.BadRequest,              // Meta: WhatsApp Cloud API error codes invalid parameter
        131008 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes required parameter missing
        131009 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes parameter value not valid
        131051 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes unsupported message type
        131021 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes sender and recipient are the same number
        131062 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes BSUID recipient not supported for this type: use the phone
        >= 132000 and <= 132999 => SendErrorKind.BadRequest, // Meta: retry guidance "132xxx" templates (incl. 132001, 132015/16, 132068/69)
        135000 => SendErrorKind.BadRequest,           // Meta: WhatsApp Cloud API error codes generic user error: investigate, no retry
        _ => null,
    };
}
