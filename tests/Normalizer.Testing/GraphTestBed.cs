using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing.FakeGraph;

namespace Normalizer.Testing;

/// <summary>
/// The fake Graph API configuration and the real services (<c>AddNormalizer().AddMessenger()…</c>) pointed at it, for
/// sender, Graph-client and ID-matching tests. Tokens and secrets are distinctive so log checks can find leaks.
/// </summary>
public sealed class GraphTestBed : IAsyncDisposable
{
    public const string Version = "v25.0";
    public const string AppId = "111";
    public const string AppSecret = "app-secret-111-SHHH";
    public const string AppToken = AppId + "|" + AppSecret;
    public const string NoProofAppId = "222";
    public const string NoProofAppSecret = "app-secret-222-SHHH";

    public const string PageId = "1001";
    public const string PageToken = "fb-page-token-1001-SECRET";
    public const string Page2Id = "1002";
    public const string Page2Token = "fb-page-token-1002-SECRET";
    public const string NoProofPageId = "2001";
    public const string NoProofPageToken = "fb-page-token-2001-SECRET";
    public const string IgAccountId = "17841400000000001";
    public const string IgToken = "ig-user-token-SECRET";
    public const string LinkedIgAccountId = "17841400000000002";
    public const string WaNumberId = "109000000000001";
    public const string WaToken = "wa-system-user-token-SECRET";

    public const string Psid = "7000000000000001";
    public const string Page2Psid = "7100000000000001";
    public const string Igsid = "8000000000000001";
    public const string LinkedIgsid = "8000000000000002";
    public const string WaId = "34600000000";
    public const string Bsuid = "ES.abc123";
    public const string Asid = "5000000000000001";
    public const string OtherAsid = "5000000000000002";

    private GraphTestBed(FakeGraphApi graph, FakeGraphApi instagram, ServiceProvider services, FakeLogCollector logs)
    {
        Graph = graph;
        Instagram = instagram;
        Services = services;
        Logs = logs;
    }

    /// <summary>Stands for graph.facebook.com.</summary>
    public FakeGraphApi Graph { get; }

    /// <summary>Stands for graph.instagram.com (Instagram Login), the same configuration on its own port.</summary>
    public FakeGraphApi Instagram { get; }

    public ServiceProvider Services { get; }

    public FakeLogCollector Logs { get; }

    public static string[] Secrets => [AppSecret, NoProofAppSecret, PageToken, Page2Token, NoProofPageToken, IgToken, WaToken];

    /// <summary>Starts both fakes and the services; <paramref name="time"/> replaces the services' clock when given.</summary>
    public static async Task<GraphTestBed> StartAsync(
        Action<FakeGraphApi>? more = null, IDictionary<string, string?>? settings = null, Uri? baseUrl = null, TimeProvider? time = null)
    {
        // Both start together: each start takes WireMock's 100 ms poll.
        var starting = FakeGraphApi.StartAsync(g => Configure(g, more));
        var instagram = await FakeGraphApi.StartAsync(g => Configure(g, more));
        var graph = await starting;
        var logs = new FakeLogCollector();
        var values = new Dictionary<string, string?>
        {
            ["Normalizer:Graph:BaseUrl"] = (baseUrl ?? graph.BaseUrl).ToString(),
            ["Normalizer:Graph:InstagramBaseUrl"] = instagram.BaseUrl.ToString(),
            ["Normalizer:Graph:Version"] = Version,
            ["Normalizer:Graph:Timeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = Build(values, logs, time);
        return new GraphTestBed(graph, instagram, services, logs);
    }

    /// <summary>The services as a host would build them, with logs captured at Trace.</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings, FakeLogCollector logs, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<IConfiguration>(configuration)
            .AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp()
            .Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public IChannelSender Sender(Platform platform) => Services.GetServices<IChannelSender>().Single(s => s.Platform == platform);

    /// <summary>The profile the channel of <paramref name="evt"/>'s platform gives of <paramref name="user"/>.</summary>
    public Task<UserProfile?> ProfileAsync(NormalizedEvent evt, IdType type, string user, PageCredentials page) =>
        Services.GetServices<IChannelProfiles>().Single(p => p.Platform == evt.Platform)
            .ProfileAsync(evt, new TaggedId(type, user), page, CancellationToken.None);

    public static PageCredentials MessengerPage(string pageId = PageId, string token = PageToken) =>
        new() { PageId = pageId, Platform = Platform.Facebook, AccessToken = token, AppId = AppId, AppSecret = AppSecret };

    public static PageCredentials IgLoginAccount() =>
        new() { PageId = IgAccountId, Platform = Platform.Instagram, AccessToken = IgToken, AppId = AppId, AppSecret = AppSecret };

    public static PageCredentials IgLinkedAccount() => new()
    {
        PageId = LinkedIgAccountId, Platform = Platform.Instagram, AccessToken = PageToken, AppId = AppId, AppSecret = AppSecret,
        LinkedPageId = PageId,
    };

    public static PageCredentials WaNumber() =>
        new() { PageId = WaNumberId, Platform = Platform.WhatsApp, AccessToken = WaToken, AppId = AppId, AppSecret = AppSecret };

    public static AppCredentials App() => new() { AppId = AppId, Secret = AppSecret, AccessToken = AppToken };

    public static ChannelSendRequest Request(
        PageCredentials credentials, TaggedId recipient, OutboundMessage message, string messagingType = "RESPONSE", string? tag = null) =>
        new(credentials, recipient, message, messagingType, tag);

    public static OutboundMessage Text(string body) => new() { Type = "text", Body = body };

    /// <summary>A loopback URL nothing listens on: connections are refused.</summary>
    public static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Asserts no token, secret or proof appears in the captured logs or in <paramref name="texts"/>.</summary>
    public void AssertNoSecretsLeaked(params string?[] texts)
    {
        var proofs = Secrets.SelectMany(t => new[] { AppSecret, NoProofAppSecret }.Select(s => FakeGraphApi.AppSecretProof(t, s)));
        var everything = string.Join('\n', Logs.Lines().Concat(texts.OfType<string>()));
        foreach (var secret in Secrets.Concat(proofs))
        {
            Xunit.Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Graph.DisposeAsync();
        await Instagram.DisposeAsync();
    }

    private static void Configure(FakeGraphApi g, Action<FakeGraphApi>? more)
    {
        g.AddApp(AppId, AppSecret, name: "Test App")
            .AddApp(NoProofAppId, NoProofAppSecret, name: "No-proof App", requireProof: false)
            .AddPage(PageId, Platform.Facebook, PageToken, AppId, name: "Test Page")
            .AddPage(Page2Id, Platform.Facebook, Page2Token, AppId, name: "Second Page")
            .AddPage(NoProofPageId, Platform.Facebook, NoProofPageToken, NoProofAppId)
            .AddPage(IgAccountId, Platform.Instagram, IgToken, AppId, name: "test.ig")
            .AddPage(LinkedIgAccountId, Platform.Instagram, PageToken, AppId, linkedPageId: PageId)
            .AddPage(WaNumberId, Platform.WhatsApp, WaToken, AppId)
            .AddUser(PageId, Psid, new FakeProfile
            {
                FirstName = "Ana", LastName = "García", Locale = "es_ES", ProfilePic = "https://example.invalid/ana.jpg",
            })
            .AddUser(IgAccountId, Igsid, new FakeProfile { Name = "Marta", Username = "marta.ig" })
            .AddUser(LinkedIgAccountId, LinkedIgsid, new FakeProfile { Name = "Luz", Username = "luz.ig" })
            .AddWhatsAppUser(WaNumberId, WaId, Bsuid)
            .LinkAsid(Asid, AppId, PageId, Psid)
            .LinkAsid(Asid, AppId, Page2Id, Page2Psid);
        more?.Invoke(g);
    }
}
