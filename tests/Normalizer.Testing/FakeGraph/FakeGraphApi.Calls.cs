namespace Normalizer.Testing.FakeGraph;

// Recorded calls: thread-safe snapshots in arrival order.
public sealed partial class FakeGraphApi
{
    /// <summary>Every call so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<FakeGraphCall> Calls => _state.Calls();

    /// <summary>All sends (<c>POST …/messages</c>), answered or not.</summary>
    public IReadOnlyList<FakeGraphCall> Sends => CallsOf(FakeGraphCallKind.Send);

    /// <summary>Sends for one Page / IG account / WhatsApp number (also IG sends made through the linked Page).</summary>
    public IReadOnlyList<FakeGraphCall> SendsTo(string pageId) =>
        [.. Sends.Where(c => c.PageId == pageId || c.AccountId == pageId)];

    /// <summary>Sends for one Page to one recipient.</summary>
    public IReadOnlyList<FakeGraphCall> SendsTo(string pageId, string recipient) =>
        [.. SendsTo(pageId).Where(c => c.Subject == recipient)];

    public IReadOnlyList<FakeGraphCall> CallsOf(FakeGraphCallKind kind) => [.. Calls.Where(c => c.Kind == kind)];

    /// <summary>Forgets the recorded calls (scripts and configuration stay).</summary>
    public void ClearCalls() => _state.ClearCalls();
}
