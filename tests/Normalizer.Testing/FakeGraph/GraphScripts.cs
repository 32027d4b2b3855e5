using System.Collections.Concurrent;
using System.Globalization;
using WireMock.ResponseBuilders;
using WireMock.ResponseProviders;
using WireMock.Server;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// Scripted answers as WireMock mappings. A script (a kind of call for an asset, maybe one user) is a WireMock
/// scenario; each step is a mapping that answers only in its state and moves the scenario on once it has answered
/// its number of calls, so when the last step is used the normal routes answer again. A recipient's script outranks
/// the asset's, which outranks the routes.
/// </summary>
internal sealed class GraphScripts(WireMockServer server, GraphCallAnalyzer analyzer, GraphAnswers answers)
{
    public const int RecipientPriority = 1;
    public const int AssetPriority = 2;

    private readonly Lock _gate = new();
    private readonly Dictionary<ScriptKey, List<int>> _steps = [];
    private readonly ConcurrentDictionary<Guid, ScriptKey> _mappings = new();

    public void Fail(ScriptKey key, int times, FakeGraphError error) =>
        Add(key, times, Response.Create().WithCallback(request => answers.Fail(request, error)));

    public void Respond(ScriptKey key, int status, string body, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Add(key, 1, response);
    }

    public void Normal(ScriptKey key, IReadOnlyDictionary<string, string>? headers = null, TimeSpan? delay = null)
    {
        var response = Response.Create().WithCallback(request => answers.Normal(request, headers));
        Add(key, 1, delay is { } d ? response.WithDelay(d) : response);
    }

    public void Hang(ScriptKey key) => Add(key, 1, Response.Create().WithHeader(HeldAnswers.Header, "hang"));

    public bool IsScripted(Guid? mapping) => mapping is { } guid && _mappings.ContainsKey(guid);

    /// <summary>Steps not used yet, read from the scenarios' states.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _steps.Sum(s => s.Value.Sum() - Used(s.Key, s.Value));
            }
        }
    }

    private void Add(ScriptKey key, int times, IResponseProvider response)
    {
        lock (_gate)
        {
            if (!_steps.TryGetValue(key, out var steps))
            {
                _steps[key] = steps = [];
            }

            var index = steps.Count;
            steps.Add(times);
            var guid = Guid.NewGuid();
            _mappings[guid] = key;
            var mapping = server
                .Given(GraphRoute.Of(key.Kind).Request().Add(new GraphScriptMatcher(analyzer, key)))
                .WithGuid(guid)
                .WithTitle($"{key.Scenario} step {index + 1}")
                .AtPriority(key.Subject is null ? AssetPriority : RecipientPriority)
                .InScenario(key.Scenario);
            if (index > 0)
            {
                mapping = mapping.WhenStateIs(State(index));
            }

            mapping.WillSetStateTo(State(index + 1), times).RespondWith(response);
        }
    }

    // The state after n steps is "n"; the counter tells how many calls the current step has answered.
    private int Used(ScriptKey key, List<int> steps)
    {
        if (!server.Scenarios.TryGetValue(key.Scenario, out var scenario))
        {
            return 0;
        }

        var done = scenario.NextState is { } state ? int.Parse(state, CultureInfo.InvariantCulture) : 0;
        return steps.Take(done).Sum() + scenario.Counter;
    }

    private static string State(int stepsDone) => stepsDone.ToString(CultureInfo.InvariantCulture);
}
