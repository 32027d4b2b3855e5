using Normalizer.Graph;
using Normalizer.Sending;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Meta's generic Graph codes and the Messenger Platform send errors, shared by Messenger and Instagram
/// (Meta's Graph API error codes). Sources: developers.facebook.com/docs/graph-api/guides/error-handling,
/// developers.facebook.com/docs/messenger-platform/error-codes, /reference/send-api/error-codes.
/// Codes key the table; HTTP status decides only when the code is unknown.
/// </summary>
public static class MessagingErrorMap
{
    /// <summary>The class of a Graph error on a Messenger Platform call; null when the code is not in the table.</summary>
    public static SendErrorKind? ClassifyCode(int code, int? subcode) => (code, subcode) switch
    {
        // Recipient gone / id stale — Meta: retry guidance; mark the contact undeliverable.
        (551, _) => SendErrorKind.InvalidRecipient,              // Meta: Messenger Platform error codes "This person isn't available right now" (often /1545041)
        (200, 1545041) => SendErrorKind.InvalidRecipient,        // Meta: Messenger Platform error codes "This person isn't receiving messages from you right now"
        (10, 2018108) => SendErrorKind.InvalidRecipient,         // Meta: Messenger Platform error codes person cannot receive messages from you
        (100, 2018001) => SendErrorKind.InvalidRecipient,        // Meta: Messenger Platform error codes "No matching user found" (stale or foreign PSID)

        // Window closed — Meta: retry guidance; needs a user message, HUMAN_AGENT or a utility template.
        (10, 2018278) => SendErrorKind.WindowClosed,             // Meta: Messenger Platform error codes "sent outside of allowed window"
        (10, 2018065) => SendErrorKind.WindowClosed,             // Meta: Messenger Platform error codes outside window, legacy subscription permission missing

        // Rate limited — Meta: retry guidance; back off per usage headers.
        (4, 2018022) => SendErrorKind.RateLimited,               // Meta: Messenger Platform error codes too many send requests to phone numbers
        (4, 2018354) => SendErrorKind.RateLimited,               // Meta: Messenger Platform error codes marketing messages minimum delay (a limit, not abuse)
        (4, _) => SendErrorKind.RateLimited,                     // Meta: Graph API error codes app-level rate limit
        (9, 2018352) => SendErrorKind.RateLimited,               // Meta: Messenger Platform error codes user performing too many actions
        (17, _) => SendErrorKind.RateLimited,                    // Meta: Graph API error codes user-level rate limit
        (32, _) => SendErrorKind.RateLimited,                    // Meta: Graph API error codes Pages API limit with a user token
        (341, _) => SendErrorKind.RateLimited,                   // Meta: Graph API error codes application limit reached
        (613, _) => SendErrorKind.RateLimited,                   // Meta: Graph API error codes/Meta: Messenger Platform error codes "Calls to this api have exceeded the rate limit"
        (80001, _) => SendErrorKind.RateLimited,                 // Meta: Graph API error codes Page BUC limit
        (80002, _) => SendErrorKind.RateLimited,                 // Meta: Graph API error codes Instagram BUC limit
        (80006, _) => SendErrorKind.RateLimited,                 // Meta: Graph API error codes Messenger BUC limit

        // Token bad — Meta: retry guidance; stop sending on that credential, re-authorize.
        (190, _) => SendErrorKind.TokenInvalid,                  // Meta: Graph API error codes token invalid/expired (458/459/460/463/464/467/492…)
        (102, _) => SendErrorKind.TokenInvalid,                  // Meta: Graph API error codes session invalid
        (104, _) => SendErrorKind.TokenInvalid,                  // Graph "An access token is required": the credential is missing

        // Permission / policy — Meta: retry guidance; stop, alert the operator.
        (10, _) => SendErrorKind.Permission,                     // Meta: Graph API error codes permission denied (incl. 10/1893063 Page restricted, Meta: Messenger Platform error codes)
        (3, _) => SendErrorKind.Permission,                      // Meta: Graph API error codes capability / method not allowed
        (2, 2018344) => SendErrorKind.Permission,                // Meta: Messenger Platform error codes Page admin must accept the Custom Labels ToS (config)
        (230, _) => SendErrorKind.Permission,                    // Meta: Messenger Platform error codes permissions disallow message to user
        (368, _) => SendErrorKind.Permission,                    // Meta: Graph API error codes/Meta: Messenger Platform error codes blocked for policy violation
        (2022, _) => SendErrorKind.Permission,                   // Meta: Messenger Platform error codes commerce messaging temporarily disabled
        ( >= 200 and <= 299, _) => SendErrorKind.Permission,     // Meta: Graph API error codes permission missing (200/2018028, 2018027, 2018021 …)

        // Transient — Meta: retry guidance; exponential backoff, small cap.
        (1, 1357046) => SendErrorKind.BadRequest,                // Meta: Messenger Platform error codes batch reply invalid, messages may have been sent: never blind-retry
        (1, _) => SendErrorKind.Transient,                       // Meta: Graph API error codes unknown error (also 1/99, "limited retry")
        (2, _) => SendErrorKind.Transient,                       // Meta: Graph API error codes service temporarily unavailable
        (1200, _) => SendErrorKind.Transient,                    // Meta: Messenger Platform error codes temporary send message failure

        // Payload bug — Meta: retry guidance; fail the message, no retry.
        (100, 2018034) => SendErrorKind.BadRequest,              // Meta: Messenger Platform error codes message cannot be empty
        (100, 2018109) => SendErrorKind.BadRequest,              // Meta: Messenger Platform error codes attachment size exceeds limit
        (100, _) => SendErrorKind.BadRequest,                    // Meta: Messenger Platform error codes invalid parameter (incl. retired tags, 100/33)
        (10900 or 10903, _) => SendErrorKind.BadRequest,         // Meta: Messenger Platform error codes private reply already sent / not allowed
        (2018218, _) => SendErrorKind.BadRequest,                // Meta: Messenger Platform error codes User Profile API: no profile available
        _ => null,
    };

    /// <summary>The class of a failed Messenger Platform call: by code when known (Meta: Messenger Platform error codes), else by HTTP status.</summary>
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        (code is { } c ? ClassifyCode(c, subcode) : null) ?? GraphStatusMap.Classify(httpStatus);
}
