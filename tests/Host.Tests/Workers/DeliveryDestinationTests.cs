using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Normalizer.Testing;
using Normalizer.Testing.Subscriber;

namespace Normalizer.Host.Tests.Workers;

/// <summary>Where webhooks may go: private addresses only when allowed, the address connected to is the one checked, no redirects.</summary>
public sealed class DeliveryDestinationTests : DeliveryTests
{
    [Fact]
    public async Task Deliver_ToLoopbackWithoutSetting_IsRefusedAndNothingArrives()
    {
        var app = App(allowPrivate: false);
        var subscriber = await SubscriberAsync();
        await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        var attempt = await DeadAttemptAsync(app);

        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("status_code").ValueKind);
        var error = attempt.GetProperty("error").GetString()!;
        Assert.StartsWith("destination refused: 127.0.0.1 (loopback;", error, StringComparison.Ordinal);
        Assert.Contains("Normalizer:Delivery:AllowPrivateDestinations", error, StringComparison.Ordinal);
        Assert.Empty(subscriber.Requests);
    }

    [Fact]
    public async Task Deliver_ToLoopbackWithSetting_IsDelivered()
    {
        var app = App(allowPrivate: true);
        var subscriber = await SubscriberAsync();
        await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));

        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].Status() == "delivered");
        Assert.Equal([eventId], subscriber.Requests.Select(r => r.WebhookId));
    }

    [Fact]
    public async Task Deliver_ToNameResolvingToLoopback_IsRefusedAfterResolution()
    {
        var app = App(allowPrivate: false);
        var subscriber = await SubscriberAsync();
        await app.SubscribeAsync($$"""{"url":"{{subscriber.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}}"}""");

        var attempt = await DeadAttemptAsync(app);

        Assert.StartsWith("destination refused: localhost resolves to ", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("(loopback;", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(subscriber.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 (link-local;")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "169.254.169.254 (link-local;")]
    [InlineData("http://10.0.0.1:8080/hook", "10.0.0.1 (private;")]
    [InlineData("http://0.0.0.0:9/hook", "0.0.0.0 (unspecified;")]
    [InlineData("http://[fd00::1]/hook", "fd00::1 (private;")]
    public async Task Deliver_ToNonPublicAddress_IsRefusedWithoutConnecting(string url, string reason)
    {
        var app = App(allowPrivate: false);
        await app.SubscribeAsync($$"""{"url":"{{url}}"}""");

        var attempt = await DeadAttemptAsync(app);

        Assert.Contains(reason, attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_SubscriberRedirects_AttemptFailsAndRedirectIsNotFollowed()
    {
        var app = App(allowPrivate: true);
        var target = await SubscriberAsync();
        var redirecting = await RedirectingServerAsync(target.Url);
        await app.SubscribeAsync($$"""{"url":"{{redirecting}}"}""");

        var attempt = await DeadAttemptAsync(app);

        Assert.Equal(307, attempt.GetProperty("status_code").GetInt32());
        Assert.Empty(target.Requests);
    }

    private static async Task<JsonElement> DeadAttemptAsync(NormalizerApplication app)
    {
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        var delivery = Assert.Single(await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].Status() == "dead"));
        return Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
    }

    private NormalizerApplication App(bool allowPrivate)
    {
        var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Delivery:AllowPrivateDestinations"] = allowPrivate ? "true" : "false",
            ["Normalizer:Delivery:MaxAttempts"] = "1",
            ["Normalizer:Delivery:PollInterval"] = "00:00:00.100",
        });
        return Own(app);
    }


    private async Task<string> RedirectingServerAsync(string location)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        server.MapPost("/hook", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = location;
        });
        await server.StartAsync();
        Own(server);
        return server.Urls.Single().TrimEnd('/') + "/hook";
    }
}
