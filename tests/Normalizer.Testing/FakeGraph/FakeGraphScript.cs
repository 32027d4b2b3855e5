namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// Scripted answers for matching calls, used in order; once used up the fake behaves normally again. Each step is a
/// WireMock mapping in the script's scenario (see <see cref="GraphScripts"/>). Scripts apply after the token and
/// <c>appsecret_proof</c> checks passed, so they never hide an auth bug. A recipient's script is used before the
/// script for the whole asset.
/// </summary>
public sealed class FakeGraphScript
{
    private readonly GraphScripts _scripts;
    private readonly ScriptKey _key;

    internal FakeGraphScript(GraphScripts scripts, ScriptKey key)
    {
        _scripts = scripts;
        _key = key;
    }

    /// <summary>Answers the next matching call with a Graph error.</summary>
    public FakeGraphScript FailWith(
        int code, int? subcode = null, int? httpStatus = null, string? message = null, string? details = null) =>
        FailWith(new FakeGraphError(code, subcode, httpStatus, message) { Details = details });

    /// <summary>Answers the next matching call with this error.</summary>
    public FakeGraphScript FailWith(FakeGraphError error) => FailTimes(1, error);

    /// <summary>Answers the next <paramref name="times"/> matching calls with the same error.</summary>
    public FakeGraphScript FailTimes(int times, int code, int? subcode = null, int? httpStatus = null, string? message = null) =>
        FailTimes(times, new FakeGraphError(code, subcode, httpStatus, message));

    /// <summary>Answers the next <paramref name="times"/> matching calls with this error (one step, used that often).</summary>
    public FakeGraphScript FailTimes(int times, FakeGraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        if (times > 0)
        {
            _scripts.Fail(_key, times, error);
        }

        return this;
    }

    /// <summary>Answers the next matching call with an arbitrary status and body (e.g. a 502 HTML page).</summary>
    public FakeGraphScript Respond(
        int httpStatus, string body, string contentType = GraphResult.Json, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        _scripts.Respond(_key, httpStatus, body, contentType, headers);
        return this;
    }

    /// <summary>
    /// Lets the next matching call behave normally but adds response headers, e.g.
    /// <c>X-Business-Use-Case-Usage</c>.
    /// </summary>
    public FakeGraphScript SucceedWithHeaders(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _scripts.Normal(_key, headers);
        return this;
    }

    /// <summary>Lets the next matching call behave normally (to interleave failures and successes).</summary>
    public FakeGraphScript Succeed()
    {
        _scripts.Normal(_key);
        return this;
    }

    /// <summary>The next matching call behaves normally but is answered only after <paramref name="delay"/> (WireMock's delay, wall clock).</summary>
    public FakeGraphScript Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        _scripts.Normal(_key, delay: delay);
        return this;
    }

    /// <summary>The next matching call is never answered; the request ends when the client cancels or the fake stops.</summary>
    public FakeGraphScript Hang()
    {
        _scripts.Hang(_key);
        return this;
    }
}
