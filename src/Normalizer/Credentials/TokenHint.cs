namespace Normalizer.Credentials;

/// <summary>What may be shown of a token: its last four characters, and only when it is long enough for that to reveal little.</summary>
internal static class TokenHint
{
    public const int MinLengthForHint = 16;

    public static string Of(string token) =>
        token.Length >= MinLengthForHint ? string.Concat("…", token.AsSpan(token.Length - 4)) : "…";
}
