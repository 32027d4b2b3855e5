using Normalizer.Graph;
using Normalizer.Sending;

namespace Normalizer.Channels.Messaging;

/// <summary>
/// Meta's generic Graph codes and the Messenger Platform send errors, shared by Messenger and Instagram
/// (PLATFORM.md §4.2, §4.3, classes of §4.5). Sources: developers.facebook.com/docs/graph-api/guides/error-handling,
/// developers.facebook.com/docs/messenger-platform/error-codes, /reference/send-api/error-codes.
/// Codes key the table; HTTP status decides only when the code is unknown.
/// </summary>
public static class MessagingErrorMap
{
    /// <summary>The class of a Graph error on a Messenger Platform call; null when the code is not in the table.</summary>
    public static SendErrorKind? ClassifyCode(int code, int? subcode) => (code, subcode) switch
    {
        // Recipient gone / id stale — §4.5; mark the contact undeliverable.
        (551, _) => SendErrorKind.InvalidRecipient,              // §4.3 "This person isn't available right now" (often /1545041)
        (200, 1545041) => SendErrorKind.InvalidRecipient,        // §4.3 "This person isn't receiving messages from you right now"
        (10, 2018108) => SendErrorKind.InvalidRecipient,         // §4.3 person cannot receive messages from you
        (100, 2018001) => SendErrorKind.InvalidRecipient,        // §4.3 "No matching user found" (stale or foreign PSID)

        // Window closed — §4.5; needs a user message, HUMAN_AGENT or a utility template.
        (10, 2018278) => SendErrorKind.WindowClosed,             // §4.3 "sent outside of allowed window"
        (10, 2018065) => SendErrorKind.WindowClosed,             // §4.3 outside window, legacy subscription permission missing

        // Rate limited — §4.5; back off per usage headers.
        (4, 2018022) => SendErrorKind.RateLimited,               // §4.3 too many send requests to phone numbers
        (4, 2018354) => SendErrorKind.RateLimited,               // §4.3 marketing messages minimum delay (a limit, not abuse)
        (4, _) => SendErrorKind.RateLimited,                     // §4.2 app-level rate limit
        (9, 2018352) => SendErrorKind.RateLimited,               // §4.3 user performing too many actions
        (17, _) => SendErrorKind.RateLimited,                    // §4.2 user-level rate limit
        (32, _) => SendErrorKind.RateLimited,                    // §4.2 Pages API limit with a user token
        (341, _) => SendErrorKind.RateLimited,                   // §4.2 application limit reached
        (613, _) => SendErrorKind.RateLimited,                   // §4.2/§4.3 "Calls to this api have exceeded the rate limit"
        (80001, _) => SendErrorKind.RateLimited,                 // §4.2 Page BUC limit
        (80002, _) => SendErrorKind.RateLimited,                 // §4.2 Instagram BUC limit
        (80006, _) => SendErrorKind.RateLimited,                 // §4.2 Messenger BUC limit

        // Token bad — §4.5; stop sending on that credential, re-authorize.
        (190, _) => SendErrorKind.TokenInvalid,                  // §4.2 token invalid/expired (458/459/460/463/464/467/492…)
        (102, _) => SendErrorKind.TokenInvalid,                  // §4.2 session invalid
        (104, _) => SendErrorKind.TokenInvalid,                  // Graph "An access token is required": the credential is missing

        // Permission / policy — §4.5; stop, alert the operator.
        (10, _) => SendErrorKind.Permission,                     // §4.2 permission denied (incl. 10/1893063 Page restricted, §4.3)
        (3, _) => SendErrorKind.Permission,                      // §4.2 capability / method not allowed
        (2, 2018344) => SendErrorKind.Permission,                // §4.3 Page admin must accept the Custom Labels ToS (config)
        (230, _) => SendErrorKind.Permission,                    // §4.3 permissions disallow message to user
        (368, _) => SendErrorKind.Permission,                    // §4.2/§4.3 blocked for policy violation
        (2022, _) => SendErrorKind.Permission,                   // §4.3 commerce messaging temporarily disabled
        ( >= 200 and <= 299, _) => SendErrorKind.Permission,     // §4.2 permission missing (200/2018028, 2018027, 2018021 …)

        // Transient — §4.5; exponential backoff, small cap.
        (1, 1357046) => SendErrorKind.BadRequest,                // §4.3 batch reply invalid, messages may have been sent: never blind-retry
        (1, _) => SendErrorKind.Transient,                       // §4.2 unknown error (also 1/99, "limited retry")
        (2, _) => SendErrorKind.Transient,                       // §4.2 service temporarily unavailable
        (1200, _) => SendErrorKind.Transient,                    // §4.3 temporary send message failure

        // Payload bug — §4.5; fail the message, no retry.
        (100, 2018034) => SendErrorKind.BadRequest,              // §4.3 message cannot be empty
        (100, 2018109) => SendErrorKind.BadRequest,              // §4.3 attachment size exceeds limit
        (100, _) => SendErrorKind.BadRequest,                    // §4.3 invalid parameter (incl. retired tags, 100/33)
        (10900 or 10903, _) => SendErrorKind.BadRequest,         // §4.3 private reply already sent / not allowed
        (2018218, _) => SendErrorKind.BadRequest,                // §4.3 User Profile API: no profile available
        _ => null,
    };

    /// <summary>The class of a failed Messenger Platform call: by code when known (§4.3), else by HTTP status.</summary>
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        (code is { } c ? ClassifyCode(c, subcode) : null) ?? GraphStatusMap.Classify(httpStatus);
}
