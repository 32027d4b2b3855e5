namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A queue of scripted answers for matching calls, consumed in order; once empty the fake behaves normally again.
/// Scripts apply after the token and <c>appsecret_proof</c> checks passed, so they never hide an auth bug.
/// A recipient-specific queue is consulted before the queue for the whole asset.
/// </summary>
public sealed class FakeGraphScript
{
    private readonly FakeGraphState _state;
    private readonly ScriptKey _key;

    internal FakeGraphScript(FakeGraphState state, ScriptKey key)
    {
        _state = state;
        _key = key;
    }

    /// <summary>Answers the next matching call with a Graph error.</summary>
    public FakeGraphScript FailWith(
        int code, int? subcode = null, int? httpStatus = null, string? message = null, string? details = null) =>
        FailWith(new FakeGraphError(code, subcode, httpStatus, message) { Details = details });

    /// <summary>Answers the next matching call with this error.</summary>
    public FakeGraphScript FailWith(FakeGraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Enqueue(new ScriptedStep { Error = error });
    }

    /// <summary>Answers the next <paramref name="times"/> matching calls with the same error.</summary>
    public FakeGraphScript FailTimes(int times, int code, int? subcode = null, int? httpStatus = null, string? message = null) =>
        FailTimes(times, new FakeGraphError(code, subcode, httpStatus, message));

    /// <summary>Answers the next <paramref name="times"/> matching calls with this error.</summary>
    public FakeGraphScript FailTimes(int times, FakeGraphError error)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        for (var i = 0; i < times; i++)
        {
            FailWith(error);
        }

        return this;
    }

    /// <summary>Answers the next matching call with an arbitrary status and body (e.g. a 502 HTML page).</summary>
    public FakeGraphScript Respond(
        int httpStatus, string body, string contentType = "application/json; charset=UTF-8",
        IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new ScriptedStep { RawStatus = httpStatus, RawBody = body, RawContentType = contentType, Headers = headers });

    /// <summary>
    /// Lets the next matching call behave normally but adds response headers, e.g.
    /// <c>X-Business-Use-Case-Usage</c>.
    /// </summary>
    public FakeGraphScript SucceedWithHeaders(IReadOnlyDictionary<string, string> headers) =>
        Enqueue(new ScriptedStep { Headers = headers });

    /// <summary>Lets the next matching call behave normally (to interleave failures and successes).</summary>
    public FakeGraphScript Succeed() => Enqueue(new ScriptedStep());

    /// <summary>
    /// The next matching call behaves normally but is answered only after <paramref name="delay"/>, measured on the
    /// fake's <see cref="TimeProvider"/> (with a FakeTimeProvider nothing happens until it is advanced).
    /// </summary>
    public FakeGraphScript Delay(TimeSpan delay) => Enqueue(new ScriptedStep { Delay = delay });

    /// <summary>The next matching call is never answered; the request ends when the client cancels or the fake stops.</summary>
    public FakeGraphScript Hang() => Enqueue(new ScriptedStep { Hang = true });

    private FakeGraphScript Enqueue(ScriptedStep step)
    {
        _state.Enqueue(_key, step);
        return this;
    }
}
