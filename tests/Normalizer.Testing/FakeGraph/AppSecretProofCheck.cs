namespace Normalizer.Testing.FakeGraph;

/// <summary>What the fake made of a call's <c>appsecret_proof</c>.</summary>
public enum AppSecretProofCheck
{
    /// <summary>No proof was sent.</summary>
    Missing,

    /// <summary>HMAC-SHA256(app secret, token) in lowercase hex, as expected.</summary>
    Valid,

    /// <summary>A proof was sent but does not match (or the token is unknown, so nothing could match).</summary>
    Invalid,
}
