using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Host.Endpoints;

namespace Normalizer.Host.Tests.Endpoints;

/// <summary>
/// A body that ends before its Content-Length (the client went away mid-body; Kestrel then throws from the body stream)
/// is bad input answered 400 <c>incomplete_body</c>, not an unhandled exception (a 500 logged as a failure).
/// </summary>
public sealed class IncompleteBodyTests
{
    [Fact]
    public async Task ReadAsync_BodyEndingEarly_IsIncomplete_AndAnswers400IncompleteBody()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 500;
        context.Request.Body = new EndsEarly();

        var (buffer, length) = await RequestBody.ReadAsync(context.Request, 1024, CancellationToken.None);
        context.Response.Body = new MemoryStream();
        context.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        await RequestBody.IncompleteResult().ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var error = JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("error");

        Assert.Null(buffer);
        Assert.Equal(RequestBody.Incomplete, length);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("incomplete_body", error.GetProperty("code").GetString());
    }

    // Kestrel's body stream when the connection ends before Content-Length bytes: some bytes, then the exception.
    private sealed class EndsEarly : MemoryStream
    {
        private bool _gave;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_gave)
            {
                throw new BadHttpRequestException("Unexpected end of request content.");
            }

            _gave = true;
            "{\"object\":"u8.CopyTo(buffer.Span);
            return ValueTask.FromResult(10);
        }
    }
}
