using Microsoft.AspNetCore.Http;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// Answers every request: identify the token, dispatch on the path, apply scripts, record, wait if scripted,
/// write. The call is recorded before the answer is written, so a client that has its answer sees the call.
/// </summary>
internal sealed class FakeGraphHandler(FakeGraphState state, Action<FakeGraphCall> onRecorded, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = state.Time.GetUtcNow();
        var request = await GraphRequest.ReadAsync(context);
        var info = new GraphCallInfo(state.NextSequence());
        GraphAuth.Identify(state, request, info);
        var result = Dispatch(request, info);
        var step = info.Step;
        var call = Record(request, info, receivedAt, step?.Hang == true ? null : result);
        onRecorded(call);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (step?.Delay is { } delay)
            {
                await Task.Delay(delay, state.Time, wait.Token);
            }

            if (step?.Hang == true)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, wait.Token);
            }
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = result.Status;
        context.Response.ContentType = result.ContentType;
        foreach (var (name, value) in result.Headers.Concat(step?.Headers ?? new Dictionary<string, string>()))
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(result.Body, context.RequestAborted);
    }

    private GraphResult Dispatch(GraphRequest request, GraphCallInfo info)
    {
        var s = request.Segments;
        var method = request.Method.ToUpperInvariant();
        info.Kind = (method, s.Count) switch
        {
            ("POST", 2) when s[1] == "messages" => FakeGraphCallKind.Send,
            ("GET", 2) when s[1] == "ids_for_pages" => FakeGraphCallKind.IdsForPages,
            ("GET", 2) when s[1] == "ids_for_apps" => FakeGraphCallKind.IdsForApps,
            ("POST", 1) when s[0] == "pages_id_mapping" => FakeGraphCallKind.PagesIdMapping,
            ("GET", 1) => FakeGraphCallKind.Node,
            _ => FakeGraphCallKind.Unknown,
        };

        if (info.Kind == FakeGraphCallKind.Unknown)
        {
            return info.Fail(2500, message: "Unknown path components: /" + string.Join('/', s));
        }

        if (request.MalformedBody)
        {
            return info.Fail(100, message: "(#100) The request body is not valid JSON");
        }

        return info.Kind switch
        {
            FakeGraphCallKind.Send => SendEndpoint.Answer(state, request, info),
            FakeGraphCallKind.IdsForPages => IdMatchingEndpoints.IdsForPages(state, request, info),
            FakeGraphCallKind.IdsForApps => IdMatchingEndpoints.IdsForApps(state, request, info),
            FakeGraphCallKind.PagesIdMapping => IdMatchingEndpoints.PagesIdMapping(state, request, info),
            _ => NodeEndpoint.Answer(state, request, info),
        };
    }

    private FakeGraphCall Record(GraphRequest request, GraphCallInfo info, DateTimeOffset receivedAt, GraphResult? result)
    {
        var call = new FakeGraphCall
        {
            Sequence = info.Sequence,
            ReceivedAt = receivedAt,
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
            Scripted = info.Scripted,
            StatusCode = result?.Status ?? 0,
            ResponseBody = result?.Body ?? "",
        };
        state.Record(call);
        return call;
    }
}
