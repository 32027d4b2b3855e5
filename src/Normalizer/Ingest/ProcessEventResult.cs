namespace Normalizer.Ingest;

/// <summary>The pipeline's answer; expected outcomes are values, not exceptions.</summary>
public sealed record ProcessEventResult(ProcessEventOutcome Outcome, IReadOnlyList<string> Reasons)
{
    /// <summary>The event was stored.</summary>
    public static readonly ProcessEventResult Stored = new(ProcessEventOutcome.Stored, []);

    /// <summary>The event was a redelivery.</summary>
    public static readonly ProcessEventResult Duplicate = new(ProcessEventOutcome.Duplicate, []);

    /// <summary>The event was handed to the store, which decides with the session's other statements.</summary>
    public static readonly ProcessEventResult Pending = new(ProcessEventOutcome.Pending, []);

    /// <summary>The event was invalid for these reasons.</summary>
    public static ProcessEventResult Rejected(IEnumerable<string> reasons) => new(ProcessEventOutcome.Rejected, [.. reasons]);
}
