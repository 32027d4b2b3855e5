using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A scripted hang: WireMock matches and logs the call like any other (its answer carries <see cref="Header"/>), and
/// this middleware in front of WireMock's holds that answer back until the client gives up or the fake stops, then
/// drops the connection. Other answers pass through unchanged. WireMock answers one call at a time here: it moves a
/// scenario (a script's steps) on only after it has answered, so calls made at once would otherwise meet the same step.
/// </summary>
internal static class HeldAnswers
{
    public const string Header = "X-Fake-Graph-Hang";

    public static void Use(object app, CancellationToken stopping)
    {
        var oneAtATime = new SemaphoreSlim(1, 1);
        ((IApplicationBuilder)app).Use((context, next) => HoldOrPassAsync(context, next, oneAtATime, stopping));
    }

    private static async Task HoldOrPassAsync(HttpContext context, RequestDelegate next, SemaphoreSlim oneAtATime, CancellationToken stopping)
    {
        var body = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        await oneAtATime.WaitAsync(stopping);
        try
        {
            await next(context);
        }
        finally
        {
            oneAtATime.Release();
            context.Response.Body = body;
        }

        if (context.Response.Headers.Remove(Header))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, wait.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the fake is stopping: the answer is never sent.
            }

            context.Abort();
            return;
        }

        context.Response.ContentLength = answer.Length;
        answer.Position = 0;
        await answer.CopyToAsync(body, context.RequestAborted);
    }
}
