using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Normalizer.Testing.FakeGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

/// <summary>A real HttpClient against the fake, adding <c>access_token</c> and a correct <c>appsecret_proof</c>.</summary>
internal sealed class GraphHttp(FakeGraphApi fake) : IDisposable
{
    public const string Version = "v25.0";

    public HttpClient Client { get; } = new() { BaseAddress = fake.BaseUrl };

    /// <summary>POSTs JSON; <paramref name="secret"/> null = no proof; <paramref name="bearer"/> puts the token in the header.</summary>
    public Task<GraphReply> PostJsonAsync(
        string path, string json, string? token, string? secret, bool bearer = false, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(path, bearer ? null : token, secret is null || token is null ? null : FakeGraphApi.AppSecretProof(token, secret)))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return SendAsync(request, cancellationToken);
    }

    public Task<GraphReply> PostFormAsync(string path, IDictionary<string, string> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(path, null, null)) { Content = new FormUrlEncodedContent(form) }, default);

    public Task<GraphReply> GetAsync(string pathAndQuery, string? token, string? secret) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery, token, secret is null || token is null ? null : FakeGraphApi.AppSecretProof(token, secret))), default);

    public void Dispose() => Client.Dispose();

    private static string Url(string pathAndQuery, string? token, string? proof)
    {
        var url = new StringBuilder(Version).Append('/').Append(pathAndQuery.TrimStart('/'));
        var separator = pathAndQuery.Contains('?') ? '&' : '?';
        if (token is not null)
        {
            url.Append(separator).Append("access_token=").Append(Uri.EscapeDataString(token));
            separator = '&';
        }

        if (proof is not null)
        {
            url.Append(separator).Append("appsecret_proof=").Append(proof);
        }

        return url.ToString();
    }

    private async Task<GraphReply> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return new GraphReply(response.StatusCode, doc.RootElement.Clone());
        }
    }
}
