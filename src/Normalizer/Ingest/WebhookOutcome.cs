namespace Normalizer.Ingest;

/// <summary>The <c>outcome</c> label of <c>normalizer.webhooks.received</c>: accepted, or the answer's reason.</summary>
public static class WebhookOutcome
{
    /// <summary>200: durably in the inbox.</summary>
    public const string Accepted = "accepted";

    /// <summary>401: X-Hub-Signature-256 missing or wrong.</summary>
    public const string InvalidSignature = "invalid_signature";

    /// <summary>400: not JSON, not an object, an unknown <c>object</c>, or a body cut short.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>413: over <c>Normalizer:Meta:MaxBodyBytes</c>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>503: the inbox could not store it (Meta sends it again).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The outcome of an answer's status code.</summary>
    public static string Of(int status) => status switch
    {
        >= 200 and <= 299 => Accepted,
        401 => InvalidSignature,
        413 => TooLarge,
        >= 500 => Unavailable,
        _ => BadRequest,
    };
}
