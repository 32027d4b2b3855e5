using System.Collections.Concurrent;
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
using Microsoft.Extensions.Logging.Testing;
using Normalizer.Host.Workers;
using Normalizer.Testing;
using Normalizer.Testing.Databases;

namespace Normalizer.Host.Tests;

/// <summary>
/// The real host over a real SQLite file in a temp directory (kept when <see cref="Directory"/> is
/// passed in, so a second instance can open the same database). Every log record of the host, at Trace, goes to
/// <see cref="Logs"/>; disposing fails when one of them holds a configured secret, token or key (see <see cref="Secrets"/>).
/// </summary>
public sealed partial class NormalizerApplication : WebApplicationFactory<Program>
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
        if (TestPostgres.HostsOnPostgres)
        {
            // One database per directory: a second host on the same directory shares it, as with the SQLite file.
            _settings["Normalizer:Storage:Provider"] = "postgres";
            _settings["Normalizer:Storage:ConnectionString"] = TestPostgres.Create(TestPostgres.NameFor(Directory));
        }
        else if (TestSqlServer.HostsOnSqlServer)
        {
            _settings["Normalizer:Storage:Provider"] = "sqlserver";
            _settings["Normalizer:Storage:ConnectionString"] = TestSqlServer.Create(TestPostgres.NameFor(Directory));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Directory { get; }

    private readonly ConcurrentDictionary<string, bool> _watched = new(StringComparer.Ordinal);

    public FakeLogCollector Logs { get; } = new();

    /// <summary>Replaces the host's clock (e.g. a FakeTimeProvider) when set.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>
    /// What must never be logged: every configured setting whose name speaks of a secret, token or key (app secrets,
    /// verify token, API keys, app and page access tokens), plus what tests add with <see cref="WatchSecret"/>.
    /// </summary>
    public IReadOnlyList<string> Secrets =>
    [
        .. _settings.Where(s => s.Value is { Length: > 0 } && SecretSetting().IsMatch(s.Key)).Select(s => s.Value!),
        .. _watched.Keys,
    ];

    /// <summary>Adds a value learned at run time (a subscription's signing secret, a token put through the API).</summary>
    public void WatchSecret(string value) => _watched.TryAdd(value, true);

    /// <summary>Fails when any of <see cref="Secrets"/> appears in a log record so far (message, values, scopes, exception).</summary>
    public void AssertNoSecretsLogged() => Logs.AssertNoneOf(Secrets);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Time is ObservedFakeTimeProvider)
        {
            // A test on an observed clock advances it when the code under test starts a wait; the pruner's periodic
            // wait would be one more timer on that clock, taken for the one the test waits for.
            builder.UseSetting("Normalizer:Retention:Enabled", "false");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Every level the configuration sets is lowered to Trace, so the secret check covers every category; what
        // Program.cs pins in code for a narrower category (request URLs carry the verify token) stays pinned.
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace)
            .AddFilter(null, LogLevel.Trace).AddFilter("Microsoft", LogLevel.Trace).AddFilter("Microsoft.AspNetCore", LogLevel.Trace)
            .AddFilter("System", LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            if (Time is { } time)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            }

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
    public Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string path = "/webhooks/meta", string? signature = "sign") =>
        PostWebhookAsync(CreateClient(), body, path, signature);

    /// <summary>POSTs a body signed with <see cref="AppSecret"/> through <paramref name="client"/> (a host built from this one).</summary>
    public static Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, byte[] body, string path = "/webhooks/meta", string? signature = "sign")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256",
                signature == "sign" ? Signing.XHubSignature256(body, AppSecret) : signature);
        }

        return client.SendAsync(request);
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
            if (TestPostgres.HostsOnPostgres)
            {
                TestPostgres.Drop(TestPostgres.NameFor(Directory));
            }
            else if (TestSqlServer.HostsOnSqlServer)
            {
                TestSqlServer.Drop(TestPostgres.NameFor(Directory));
            }

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

        AssertNoSecretsLogged();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // The name ends in a secret, token or API key (indexes skipped): AppSecrets:0, VerifyToken, ApiKeys:0, Secret, AccessToken;
    // not ApiKeyFailureLimit.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(secrets?|token|apikeys)(:\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex SecretSetting();
}
