using System.Globalization;
using System.Text.Json.Nodes;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// What the fake makes of one request, worked out once (see <see cref="GraphCallAnalyzer"/>) and shared by the
/// script matchers, the answer and the recorded <see cref="FakeGraphCall"/>.
/// </summary>
internal sealed class GraphCallInfo(long sequence, GraphRequest request, GraphRoute? route)
{
    public long Sequence { get; } = sequence;

    public GraphRequest Request { get; } = request;

    /// <summary>The endpoint the call hit; <c>null</c> for a path the fake does not serve.</summary>
    public GraphRoute? Route { get; } = route;

    public FakeGraphCallKind Kind => Route?.Kind ?? FakeGraphCallKind.Unknown;

    public string FbTraceId => "FakeTrace" + Sequence.ToString("D6", CultureInfo.InvariantCulture);

    public string? PageId { get; set; }

    public string? AccountId { get; set; }

    public Platform? Platform { get; set; }

    public string? Subject { get; set; }

    public FakeGraphTokenKind TokenKind { get; set; }

    public string? TokenOwnerId { get; set; }

    public IReadOnlyList<FakePage> TokenPages { get; set; } = [];

    public FakeApp? TokenApp { get; set; }

    public AppSecretProofCheck Proof { get; set; }

    /// <summary>The asset the call acts on once identified (the Page, IG account or WhatsApp number of a send).</summary>
    public FakePage? Asset { get; set; }

    /// <summary>For Messenger and Instagram sends: the Page or IG account that knows the recipient.</summary>
    public FakePage? SubjectOwner { get; set; }

    /// <summary>
    /// The answer when Graph rejects the call before looking at it (token, proof, unknown object, bad body); scripts
    /// apply only to calls without one, so they never hide an auth bug.
    /// </summary>
    public GraphResult? Rejection { get; set; }

    /// <summary>The Pages, accounts or apps whose scripts may answer this call.</summary>
    public IReadOnlyList<string> ScriptTargets { get; set; } = [];

    private bool WhatsApp => Platform == Events.Platform.WhatsApp;

    /// <summary>A Graph error answer in the shape of Meta's Graph API error object (WhatsApp adds <c>error_data</c>).</summary>
    public GraphResult Fail(FakeGraphError error)
    {
        var message = error.Message ?? GraphErrorDefaults.Message(error.Code, error.Subcode);
        var body = new JsonObject
        {
            ["message"] = message,
            ["type"] = error.Type,
            ["code"] = error.Code,
        };
        if (error.Subcode is { } subcode)
        {
            body["error_subcode"] = subcode;
        }

        if (error.UserTitle is not null)
        {
            body["error_user_title"] = error.UserTitle;
        }

        if (error.UserMessage is not null)
        {
            body["error_user_msg"] = error.UserMessage;
        }

        var data = error.ErrorDataJson is null ? null : JsonNode.Parse(error.ErrorDataJson) as JsonObject;
        if (WhatsApp)
        {
            data ??= [];
            data["messaging_product"] = "whatsapp";
            data["details"] = error.Details ?? message;
        }

        if (data is not null)
        {
            body["error_data"] = data;
        }

        body["fbtrace_id"] = FbTraceId;
        return new GraphResult(
            error.HttpStatus ?? GraphErrorDefaults.HttpStatus(error.Code, WhatsApp),
            new JsonObject { ["error"] = body }.ToJsonString(GraphResult.Options))
        {
            Headers = new Dictionary<string, string> { ["x-fb-trace-id"] = FbTraceId },
        };
    }

    public GraphResult Fail(int code, int? subcode = null, string? message = null) =>
        Fail(new FakeGraphError(code, subcode, Message: message));

    /// <summary>100/33: the id in the path is not an object this token may see.</summary>
    public GraphResult NoSuchObject(string method, string id) => Fail(100, 33,
        $"Unsupported {method.ToLowerInvariant()} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
}
