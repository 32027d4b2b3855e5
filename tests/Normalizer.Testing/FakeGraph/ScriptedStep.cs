namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// One scripted answer. With neither <see cref="Error"/> nor <see cref="RawStatus"/> the fake behaves normally
/// (after <see cref="Delay"/>, if any).
/// </summary>
internal sealed record ScriptedStep
{
    public FakeGraphError? Error { get; init; }

    public int? RawStatus { get; init; }

    public string? RawBody { get; init; }

    public string RawContentType { get; init; } = "application/json; charset=UTF-8";

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Waits this long on the fake's <see cref="TimeProvider"/> before answering.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Never answers: waits until the client gives up or the fake stops.</summary>
    public bool Hang { get; init; }
}
