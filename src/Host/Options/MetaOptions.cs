namespace Normalizer.Host.Options;

/// <summary>Section <c>Normalizer:Meta</c> (README: configuration). A class, not a record: no generated ToString printing secrets.</summary>
public sealed class MetaOptions
{
    public const string Section = "Normalizer:Meta";

    /// <summary>App secrets for X-Hub-Signature-256 (<c>Normalizer__Meta__AppSecrets__0</c>, …).</summary>
    public List<string> AppSecrets { get; init; } = [];

    /// <summary>Verify token of the webhook handshake.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>False only for local development: unsigned webhooks are then accepted, marked unverified.</summary>
    public bool RequireSignature { get; set; } = true;

    /// <summary>Largest accepted webhook body (Meta sends up to 3 MB on WhatsApp; raise it if you need to).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
