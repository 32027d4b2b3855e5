using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A fake Meta Graph API: a real Kestrel server on 127.0.0.1 so HttpClient, tokens, <c>appsecret_proof</c> and
/// retries run for real (WireMock is not available, . Configure apps, pages and users with the
/// fluent methods (before or after start), script failures with <see cref="Script(string, string?)"/>, and assert
/// on <see cref="Calls"/>.
/// <code>
/// await using var fake = await FakeGraphApi.StartAsync(g => g
///     .AddApp("111", secret: "s3cret")
///     .AddPage("104523987765432", Platform.Facebook, "PAGE-TOKEN", appId: "111")
///     .AddUser("104523987765432", "7723419865501234"));
/// fake.Script("104523987765432").FailWith(551, 1545041);
/// // point GraphOptions.BaseUrl at fake.BaseUrl …
/// </code>
/// </summary>
public sealed partial class FakeGraphApi : IAsyncDisposable
{
    private readonly FakeGraphState _state = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private FakeGraphApi()
    {
    }

    /// <summary>Raised (on the request thread) for every recorded call; the standalone mode prints them.</summary>
    public event Action<FakeGraphCall>? CallRecorded;

    /// <summary><c>http://127.0.0.1:{port}/</c>; Graph paths go below it: <c>{BaseUrl}v25.0/me/messages</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public int Port => BaseUrl.Port;

    /// <summary>Starts the fake on 127.0.0.1 at <paramref name="port"/> (0 = an ephemeral port, for tests).</summary>
    public static async Task<FakeGraphApi> StartAsync(
        Action<FakeGraphApi>? configure = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var fake = new FakeGraphApi();
        configure?.Invoke(fake);
        try
        {
            await fake.StartServerAsync(port, cancellationToken);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }

        return fake;
    }

    /// <summary>The <c>appsecret_proof</c> for a token: lowercase hex HMAC-SHA256(key = app secret, message = token).</summary>
    public static string AppSecretProof(string accessToken, string appSecret) => GraphAuth.ComputeProof(accessToken, appSecret);

    public async ValueTask DisposeAsync()
    {
        // Release hung and delayed requests first so the server stops without waiting for them.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }

        _stopping.Dispose();
    }

    private async Task StartServerAsync(int port, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings, environment (ASPNETCORE_URLS) or logging config: tests stay quiet.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeGraphApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var handler = new FakeGraphHandler(_state, call => CallRecorded?.Invoke(call), _stopping.Token);
        app.Map("/{**path}", handler.HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }
}
