namespace Normalizer.Testing.FakeGraph;

/// <summary>Takes the next scripted step for a call and turns it into an answer when it is one.</summary>
internal static class ScriptedAnswers
{
    /// <summary>
    /// Dequeues the next step for the call (recipient-specific first). Returns the scripted answer, or
    /// <c>null</c> when the call should behave normally (possibly after a delay kept in <see cref="GraphCallInfo.Step"/>).
    /// </summary>
    public static GraphResult? Apply(FakeGraphState state, GraphCallInfo info, params string?[] targets)
    {
        var step = state.Dequeue(info.Kind, targets, info.Subject);
        if (step is null)
        {
            return null;
        }

        info.Step = step;
        info.Scripted = true;
        if (step.Error is { } error)
        {
            return info.Fail(error);
        }

        return step.RawStatus is { } status
            ? new GraphResult(status, step.RawBody ?? "", step.RawContentType)
            : null;
    }
}
