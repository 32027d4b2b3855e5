using System.Net.Http.Headers;
using System.Text;
using Normalizer.Testing;

namespace Normalizer.WebConsole.Tests;

/// <summary>Signed Messenger and Instagram text messages (PLATFORM.md: the messaging item of a page / instagram webhook).</summary>
public static class Webhooks
{
    public static byte[] Message(string webhookObject, string pageId, string senderId, string mid, string text)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Encoding.UTF8.GetBytes($$$"""
            {"object":"{{{webhookObject}}}","entry":[{"id":"{{{pageId}}}","time":{{{now}}},"messaging":[
             {"sender":{"id":"{{{senderId}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{now}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
            """);
    }

    public static async Task PostAsync(ConsoleHost host, byte[] body)
    {
        using var client = host.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add("X-Hub-Signature-256", Signing.XHubSignature256(body, ConsoleHost.AppSecret));
        using var answer = await client.PostAsync("/webhooks/meta", content);
        answer.EnsureSuccessStatusCode();
    }
}
