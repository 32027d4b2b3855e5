using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Normalizer.Host.Cli;

/// <summary>
/// The commands that call a running host (<c>send</c>, <c>replay</c>): POST with the API key, print the JSON answer.
/// Exit 0 on 2xx, 2 for a request the host refused as bad or unauthorized (or no host), 1 otherwise.
/// </summary>
internal sealed class ApiCall(string command, Func<HttpMessageHandler>? handler, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Base URL: --url, else $NORMALIZER_URL, else the default listening address.</summary>
    public static string DefaultUrl => Environment.GetEnvironmentVariable("NORMALIZER_URL") ?? "http://127.0.0.1:5080";

    /// <summary>API key: --api-key, else $NORMALIZER_API_KEY.</summary>
    public static string? Key(string? given) => given ?? Environment.GetEnvironmentVariable("NORMALIZER_API_KEY");

    public async Task<int> PostAsync(string baseUrl, string path, string? key, string? json, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(new Uri(baseUrl), path);
        using var client = handler is null ? new HttpClient() : new HttpClient(handler());
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            stdout.WriteLine(await response.Content.ReadAsStringAsync(cancellationToken));
            return response.IsSuccessStatusCode ? 0
                : response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound ? NormalizeCommand.BadInput
                : 1;
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine($"{command}: cannot reach {endpoint.GetLeftPart(UriPartial.Authority)}: {ex.Message}");
            return NormalizeCommand.BadInput;
        }
    }
}
