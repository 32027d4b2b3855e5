using System.Globalization;
using WireMock.Logging;

namespace Normalizer.Testing.FakeGraph;

// Recorded calls: WireMock's request log, each entry read with what the fake made of the call.
public sealed partial class FakeGraphApi
{
    /// <summary>Every call so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<FakeGraphCall> Calls => [.. _server.LogEntries.Select(Record).OrderBy(c => c.Sequence)];

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
    public void ClearCalls() => _server.ResetLogEntries();

    private FakeGraphCall Record(ILogEntry entry)
    {
        var info = _analyzer.Of(entry.RequestMessage);
        var request = info.Request;
        var response = entry.ResponseMessage;
        var held = response?.Headers?.ContainsKey(HeldAnswers.Header) == true;
        return new FakeGraphCall
        {
            Sequence = info.Sequence,
            ReceivedAt = new DateTimeOffset(DateTime.SpecifyKind(entry.RequestMessage.DateTime, DateTimeKind.Utc)),
            Method = request.Method,
            Path = request.Path,
            Version = request.Version,
            Query = request.Query,
            Headers = request.Headers,
            Body = request.Body,
            Kind = info.Kind,
            PageId = info.PageId,
            AccountId = info.AccountId,
            Platform = info.Platform,
            Subject = info.Subject,
            TokenKind = info.TokenKind,
            TokenSource = request.TokenSource,
            TokenOwnerId = info.TokenOwnerId,
            TokenHash = request.Token is null ? null : FakeGraphCall.HashToken(request.Token),
            Proof = info.Proof,
            Scripted = _scripts.IsScripted(entry.MappingGuid),
            StatusCode = held || response?.StatusCode is null ? 0 : Convert.ToInt32(response.StatusCode, CultureInfo.InvariantCulture),
            ResponseBody = held ? "" : response?.BodyData?.BodyAsString ?? "",
        };
    }
}
