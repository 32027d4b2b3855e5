using System.Text.Json.Nodes;

namespace Normalizer.Graph;

/// <summary>
/// A Graph API call: method, path below the version (<c>{page-id}/messages</c>), query, JSON body and the
/// credentials to send it with. A class, not a record: a record's <c>ToString()</c> would print the token.
/// </summary>
public sealed class GraphRequest
{
    /// <summary>GET or POST.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The path without host and version, e.g. <c>104523987765432/messages</c>; IDs are escaped per segment.</summary>
    public required string Path { get; init; }

    /// <summary>Query parameters (never the token or the proof: the client adds those).</summary>
    public IReadOnlyDictionary<string, string>? Query { get; init; }

    /// <summary>The JSON body (POST).</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Page, Instagram user, system-user or app access token. Sent as <c>Authorization: Bearer</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The secret of the token's app: when set, the call carries <c>appsecret_proof</c>.</summary>
    public string? AppSecret { get; init; }

    /// <summary>The host to call instead of <see cref="GraphOptions.BaseUrl"/> (a channel's own, e.g. Instagram Login's).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The named <see cref="HttpClient"/> to use (a channel's own); the Graph client's when null.</summary>
    public string? HttpClientName { get; init; }

    /// <summary>A GET.</summary>
    public static GraphRequest Get(string path, string accessToken, string? appSecret, IReadOnlyDictionary<string, string>? query = null) =>
        new() { Method = HttpMethod.Get, Path = path, AccessToken = accessToken, AppSecret = appSecret, Query = query };

    /// <summary>A POST with a JSON body.</summary>
    public static GraphRequest Post(string path, JsonNode body, string accessToken, string? appSecret) =>
        new() { Method = HttpMethod.Post, Path = path, Body = body, AccessToken = accessToken, AppSecret = appSecret };

    /// <summary>A send: POST <c>{node}/messages</c> with the business ID's token and app secret, on the channel's HTTP client.</summary>
    public static GraphRequest Messages(string node, JsonNode body, Channels.PageCredentials credentials, string httpClientName, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new()
        {
            Method = HttpMethod.Post, Path = $"{node}/messages", Body = body, AccessToken = credentials.AccessToken,
            AppSecret = credentials.AppSecret, BaseUrl = baseUrl, HttpClientName = httpClientName,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
