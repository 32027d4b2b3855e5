using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// One request the fake received and what it answered, read from WireMock's request log. Token values are not shown: <see cref="Query"/> and
/// <see cref="Headers"/> show them as <c>***</c>; use <see cref="UsedToken"/> to check which token was sent.
/// <see cref="Body"/> is verbatim.
/// </summary>
public sealed class FakeGraphCall
{
    public const string Redacted = "***";

    /// <summary>1, 2, 3… in arrival order.</summary>
    public required long Sequence { get; init; }

    /// <summary>When WireMock received the request (wall clock, UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Method { get; init; }

    /// <summary>The full request path, e.g. <c>/v25.0/104523987765432/messages</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The version segment (<c>v25.0</c>), or <c>null</c> for an unversioned call.</summary>
    public required string? Version { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    public required FakeGraphCallKind Kind { get; init; }

    /// <summary>The asset the call acted for: path page / phone number, the token's page, or the app for app-token calls.</summary>
    public required string? PageId { get; init; }

    /// <summary>For Instagram sends through the linked Facebook Page: the IG account owning the recipient.</summary>
    public required string? AccountId { get; init; }

    public required Platform? Platform { get; init; }

    /// <summary>Recipient of a send (<c>recipient.id</c>, <c>to</c> or WhatsApp <c>recipient</c>), or the user id of a lookup.</summary>
    public required string? Subject { get; init; }

    public required FakeGraphTokenKind TokenKind { get; init; }

    public required FakeGraphTokenSource TokenSource { get; init; }

    /// <summary>The page or app the token belongs to (first page when several share it).</summary>
    public required string? TokenOwnerId { get; init; }

    public required AppSecretProofCheck Proof { get; init; }

    /// <summary>The answer came from <see cref="FakeGraphApi.Script(string, string?)"/>.</summary>
    public required bool Scripted { get; init; }

    /// <summary>The HTTP status answered; 0 when the fake was scripted to hang and never answered.</summary>
    public required int StatusCode { get; init; }

    public required string ResponseBody { get; init; }

    internal byte[]? TokenHash { get; init; }

    public bool ProofValid => Proof == AppSecretProofCheck.Valid;

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Whether the call was made with this token.</summary>
    public bool UsedToken(string token) =>
        TokenHash is not null && CryptographicOperations.FixedTimeEquals(TokenHash, HashToken(token));

    /// <summary>The body parsed as JSON (Messenger and WhatsApp sends).</summary>
    public JsonElement BodyJson()
    {
        using var doc = JsonDocument.Parse(Body);
        return doc.RootElement.Clone();
    }

    /// <summary>The answer parsed as JSON.</summary>
    public JsonElement ResponseJson()
    {
        using var doc = JsonDocument.Parse(ResponseBody);
        return doc.RootElement.Clone();
    }

    /// <summary>Meta's error code of the answer, if it was an error.</summary>
    public int? ErrorCode => ErrorMember("code");

    /// <summary>Meta's error subcode of the answer, if it was an error with one.</summary>
    public int? ErrorSubcode => ErrorMember("error_subcode");

    public override string ToString() => $"#{Sequence} {Method} {Path} → {StatusCode}";

    private int? ErrorMember(string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(ResponseBody);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty(name, out var v)
                && v.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
