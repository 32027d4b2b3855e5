using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Normalizer.Host.Workers;
using Normalizer.Testing;

namespace Normalizer.Host.Tests;

/// <summary>
/// The real host over a real SQLite file in a temp directory (kept when <see cref="Directory"/> is
/// passed in, so a second instance can open the same database).
/// </summary>
public sealed class NormalizerApplication : WebApplicationFactory<Program>
{
    public const string AppSecret = "app-secret-7f3a9c";
    public const string SecondAppSecret = "second-app-secret-11d2";
    public const string VerifyToken = "verify-token-5b1e";
    public const string ApiKey = "api-key-0c4d8e";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;
    private readonly bool _processInbox;

    public NormalizerApplication(string? directory = null, IDictionary<string, string?>? settings = null, bool processInbox = true)
    {
        _ownsDirectory = directory is null;
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "normalizer-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _processInbox = processInbox;
        _settings = new Dictionary<string, string?>
        {
            ["Normalizer:Storage:ConnectionString"] = $"Data Source={Path.Combine(Directory, "normalizer.db")}",
            ["Normalizer:Meta:AppSecrets:0"] = AppSecret,
            ["Normalizer:Meta:AppSecrets:1"] = SecondAppSecret,
            ["Normalizer:Meta:VerifyToken"] = VerifyToken,
            ["Normalizer:ApiKeys:0"] = ApiKey,
            ["Normalizer:Delivery:AllowPrivateDestinations"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Directory { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            if (!_processInbox)
            {
                services.RemoveAll<IHostedService>();
            }
        });
    }

    /// <summary>A client with the API key.</summary>
    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>POSTs a body signed with <see cref="AppSecret"/> (or the given header, or none).</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string path = "/webhooks/meta", string? signature = "sign")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256",
                signature == "sign" ? Signing.XHubSignature256(body, AppSecret) : signature);
        }

        return CreateClient().SendAsync(request);
    }

    /// <summary>Pages through /v1/events until at least <paramref name="count"/> events are there (bounded wait).</summary>
    public async Task<List<JsonElement>> WaitForEventsAsync(int count, string query = "", TimeSpan? timeout = null)
    {
        using var api = Api();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var events = await AllEventsAsync(api, query);
            if (events.Count >= count || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the inbox is empty (all accepted webhooks processed).</summary>
    public async Task WaitForDrainAsync(TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            // 503 (degraded) answers carry the same counts.
            using var answer = await client.GetAsync("/readyz");
            var ready = await answer.Content.ReadFromJsonAsync<JsonElement>();
            if (ready.GetProperty("inbox_pending").GetInt64() == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the inbox did not drain");
    }

    private static async Task<List<JsonElement>> AllEventsAsync(HttpClient api, string query)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        while (true)
        {
            var separator = query.Length > 0 ? "&" : "";
            var page = await api.GetFromJsonAsync<JsonElement>($"/v1/events?limit=1000{separator}{query}{(cursor is null ? "" : "&after=" + cursor)}");
            var data = page.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
            all.AddRange(data);
            if (data.Count < 1000)
            {
                return all;
            }

            cursor = page.GetProperty("next_cursor").GetString();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // best effort on a temp directory
            }
        }
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
