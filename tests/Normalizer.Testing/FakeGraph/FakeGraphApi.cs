using System.Collections.Specialized;
using System.Globalization;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A fake Meta Graph API on WireMock.Net, on 127.0.0.1, so HttpClient, tokens, <c>appsecret_proof</c> and retries run
/// for real. WireMock routes each Graph endpoint to its answer, records every call and plays scripted faults as
/// scenario steps; the logic of Graph (whose token, whether the proof matches, what a send or an ID-matching call
/// answers) sits on top as WireMock callbacks and matchers. Configure apps, pages and users with the fluent methods
/// (before or after start), script failures with <see cref="Script(string, string?)"/>, and assert on <see cref="Calls"/>.
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
    private const int RoutePriority = 10;
    private const int UnknownPathPriority = 100;

    private readonly FakeGraphState _state = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly GraphCallAnalyzer _analyzer;
    private readonly GraphAnswers _answers;
    private readonly WireMockServer _server;
    private readonly GraphScripts _scripts;
    private int _stopped;

    private FakeGraphApi(int port)
    {
        _analyzer = new GraphCallAnalyzer(_state);
        _answers = new GraphAnswers(_state, _analyzer);
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            // WireMock's own logger would print every request, tokens included.
            Logger = new WireMockNullLogger(),
            PreWireMockMiddlewareInit = app => HeldAnswers.Use(app, _stopping.Token),
            // GraphRequest reads bodies itself; WireMock keeps the text and skips its own parsing.
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
        });
        _scripts = new GraphScripts(_server, _analyzer, _answers);
        foreach (var route in GraphRoute.All)
        {
            _server.Given(route.Request()).WithTitle(route.Kind.ToString()).AtPriority(RoutePriority)
                .RespondWith(Response.Create().WithCallback(_answers.Normal));
        }

        _server.Given(Request.Create().UsingAnyMethod()).WithTitle(nameof(FakeGraphCallKind.Unknown)).AtPriority(UnknownPathPriority)
            .RespondWith(Response.Create().WithCallback(_answers.Normal));
        _server.LogEntriesChanged += OnLogEntriesChanged;
        // WireMock names a fixed loopback port "localhost" (and listens on ::1 too); the fake is reached as 127.0.0.1.
        BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_server.Ports[0]}/"));
    }

    /// <summary>Raised (on the request thread) for every recorded call; the standalone mode prints them.</summary>
    public event Action<FakeGraphCall>? CallRecorded;

    /// <summary><c>http://127.0.0.1:{port}/</c>; Graph paths go below it: <c>{BaseUrl}v25.0/me/messages</c>.</summary>
    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    /// <summary>
    /// Starts the fake on 127.0.0.1 at <paramref name="port"/> (0 = an ephemeral port, for tests). WireMock's start
    /// blocks (it polls every 100 ms until the server listens), so it runs off the caller's thread and several fakes
    /// can start together.
    /// </summary>
    public static async Task<FakeGraphApi> StartAsync(
        Action<FakeGraphApi>? configure = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var fake = await Task.Run(() => new FakeGraphApi(port), cancellationToken);
        try
        {
            configure?.Invoke(fake);
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
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Release held answers first, then stop off this thread: WireMock's Stop blocks until requests end, and the
        // caller may be a CallRecorded handler running inside one of them.
        await _stopping.CancelAsync();
        await Task.Run(StopServer);
    }

    private void StopServer()
    {
        _server.LogEntriesChanged -= OnLogEntriesChanged;
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
    }

    private void OnLogEntriesChanged(object? sender, NotifyCollectionChangedEventArgs e)
    {
        if (e.Action == NotifyCollectionChangedAction.Add && CallRecorded is { } handler)
        {
            foreach (var entry in e.NewItems?.OfType<ILogEntry>() ?? [])
            {
                handler(Record(entry));
            }
        }
    }
}
