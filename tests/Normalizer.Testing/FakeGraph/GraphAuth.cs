using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Testing.FakeGraph;

/// <summary>Token lookup and the <c>appsecret_proof</c> check (Meta's securing-requests guide (appsecret_proof)).</summary>
internal static class GraphAuth
{
    /// <summary>Works out whose token it is and whether the proof matches; answers nothing yet.</summary>
    public static void Identify(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        if (request.Token is not { } token)
        {
            info.TokenKind = FakeGraphTokenKind.None;
        }
        else if (state.PagesWithToken(token) is { Count: > 0 } pages)
        {
            info.TokenKind = FakeGraphTokenKind.Page;
            info.TokenPages = pages;
            info.TokenOwnerId = pages[0].Id;
            info.TokenApp = state.App(pages[0].AppId);
        }
        else if (state.AppWithToken(token) is { } app)
        {
            info.TokenKind = FakeGraphTokenKind.App;
            info.TokenOwnerId = app.Id;
            info.TokenApp = app;
        }
        else
        {
            info.TokenKind = FakeGraphTokenKind.Unknown;
        }

        info.Proof = request.Proof is not { } proof ? AppSecretProofCheck.Missing
            : info.TokenApp?.Secret is { } secret && ProofMatches(proof, secret, request.Token!) ? AppSecretProofCheck.Valid
            : AppSecretProofCheck.Invalid;
    }

    /// <summary>Rejects a missing or unknown token: 104 / 190.</summary>
    public static GraphResult? RequireKnownToken(GraphCallInfo info) => info.TokenKind switch
    {
        FakeGraphTokenKind.None => info.Fail(104, message: GraphErrorDefaults.MissingToken),
        FakeGraphTokenKind.Unknown => info.Fail(190, message: GraphErrorDefaults.InvalidToken),
        _ => null,
    };

    /// <summary>
    /// Rejects a missing or wrong proof when the token's app requires one (or <paramref name="always"/>, for the
    /// ID-matching edges). A proof that is sent but wrong is rejected even when not required.
    /// </summary>
    public static GraphResult? CheckProof(GraphCallInfo info, bool always = false)
    {
        if (info.TokenApp?.Secret is null)
        {
            return null;
        }

        return info.Proof switch
        {
            AppSecretProofCheck.Missing when always || info.TokenApp.RequireProof =>
                info.Fail(100, message: GraphErrorDefaults.MissingProof),
            AppSecretProofCheck.Invalid => info.Fail(100, message: GraphErrorDefaults.InvalidProof),
            _ => null,
        };
    }

    /// <summary>lowercase hex HMAC-SHA256(key = app secret, message = token), compared in constant time.</summary>
    public static string ComputeProof(string token, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(token)));

    private static bool ProofMatches(string proof, string secret, string token) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(ComputeProof(token, secret)), Encoding.UTF8.GetBytes(proof));
}
