using System.CommandLine;
using System.Text;
using Normalizer.Delivery;

namespace Normalizer.Host.Cli;

/// <summary>
/// <c>listen</c>: a local subscriber for trying delivery — prints every webhook Normalizer POSTs to it and
/// whether its Standard Webhooks signature verifies, and answers 200.
/// </summary>
internal static class ListenCommand
{
    public static Command Create(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 9000 };
        var secret = new Option<string?>("--secret") { Description = "The subscription's whsec_ secret, to verify signatures." };
        var command = new Command("listen", "Receive Normalizer's webhooks on http://127.0.0.1:PORT/ and print them (Ctrl+C stops).") { port, secret };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = parse.GetValue(secret);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{parse.GetValue(port)}");
            var app = builder.Build();
            var gate = new Lock();
            app.MapPost("/{**path}", async (HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                var body = buffer.ToArray();
                var id = request.Headers[WebhookSigner.IdHeader].ToString();
                var verdict = key is null ? "signature not checked (no --secret)"
                    : WebhookSigner.Verify(id, request.Headers[WebhookSigner.TimestampHeader].ToString(), body,
                        request.Headers[WebhookSigner.SignatureHeader].ToString(), key, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5))
                        ? "signature ok" : "SIGNATURE INVALID";
                lock (gate)
                {
                    stdout.WriteLine($"POST {request.Path} webhook-id={id} {verdict}");
                    stdout.WriteLine(Encoding.UTF8.GetString(body));
                    stdout.Flush();
                }

                return Results.Ok();
            });
            await app.StartAsync(cancellationToken);
            stdout.WriteLine($"listening on {string.Join(", ", app.Urls)}; Ctrl+C stops");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
