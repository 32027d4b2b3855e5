namespace Normalizer.Testing.FakeGraph;

/// <summary>Meta's usual message texts and HTTP statuses for the codes of Meta's Graph API error codes.</summary>
public static class GraphErrorDefaults
{
    public const string MissingProof = "API calls from the server require an appsecret_proof argument";
    public const string InvalidProof = "Invalid appsecret_proof provided in the API argument";
    public const string InvalidToken = "Invalid OAuth access token - Cannot parse access token";
    public const string MissingToken = "An access token is required to request this resource.";

    public static string Message(int code, int? subcode) => (code, subcode) switch
    {
        (551, _) => "(#551) This person isn't available right now.",
        (200, 1545041) => "(#200) This person isn't receiving messages from you right now.",
        (10, 2018108) => "(#10) This person cannot receive messages from you right now.",
        (100, 2018001) => "(#100) No matching user found",
        (100, 2018034) => "(#100) Message cannot be empty, must provide valid attachment or text",
        (100, 2018109) => "(#100) Attachment size exceeds allowable limit",
        (100, 2018218) => "(#100) No profile available for this user.",
        (100, 33) => "(#100) Object does not exist, cannot be loaded due to missing permissions, or does not support this operation",
        (10, 2018278) => "(#10) This message is sent outside of allowed window.",
        (10, _) => "(#10) Permission denied",
        (190, 463) => "Error validating access token: Session has expired.",
        (190, _) => InvalidToken,
        (613, _) => "(#613) Calls to this api have exceeded the rate limit.",
        (4, _) => "(#4) Application request limit reached",
        (1200, _) => "(#1200) Temporary send message failure. Please try again later",
        (2, _) => "An unexpected error has occurred. Please retry your request later.",
        (1, _) => "An unknown error has occurred.",
        (131047, _) => "(#131047) Re-engagement message",
        (130429, _) => "(#130429) Rate limit hit",
        (131056, _) => "(#131056) (Business Account, Consumer Account) pair rate limit hit",
        (131026, _) => "(#131026) Message undeliverable",
        (131000, _) => "(#131000) Something went wrong",
        (131016, _) => "(#131016) Service unavailable",
        (131008, _) => "(#131008) Required parameter is missing",
        (131009, _) => "(#131009) Parameter value is not valid",
        (133010, _) => "(#133010) Account not registered",
        _ => $"(#{code}) Fake Graph error {code}" + (subcode is null ? "" : $"/{subcode}"),
    };

    /// <summary>
    /// Graph answers most errors with 400 (Meta's Graph API error object); the WhatsApp table gives 401/403/429/500/503
    /// for some codes, which the fake uses on WhatsApp numbers.
    /// </summary>
    public static int HttpStatus(int code, bool whatsApp) => whatsApp
        ? code switch
        {
            0 or 190 => 401,
            10 => 403,
            4 or 80007 or 130429 => 429,
            131000 => 500,
            131016 => 503,
            _ => 400,
        }
        : 400;
}
