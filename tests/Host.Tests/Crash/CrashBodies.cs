using System.Globalization;
using System.Text;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// Distinct signed webhook bodies, one update each, Messenger, Instagram and WhatsApp in turn. The customers repeat
/// (<see cref="Customers"/> of them), so each conversation holds several events and its deliveries go out in order.
/// </summary>
internal static class CrashBodies
{
    public const int Customers = 600;

    public static IReadOnlyList<SignedBody> Create(int count, string appSecret, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds() - 3600;
        return [.. Enumerable.Range(0, count).Select(key => Sign(Body(key, seconds + (key % 600)), appSecret))];
    }

    private static (string Platform, string UpdateId, string Json) Body(int key, long seconds)
    {
        var customer = key % Customers;
        var ms = seconds * 1000;
        switch (key % 3)
        {
            case 0:
                var mid = F($"m_crash{key:D9}_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuV");
                return ("facebook", mid, F($$$"""
                    {"object":"page","entry":[{"id":"104523987765432","time":{{{ms + 123}}},"messaging":[{"sender":{"id":"77234198{{{customer:D8}}}"},"recipient":{"id":"104523987765432"},"timestamp":{{{ms + 101}}},"message":{"mid":"{{{mid}}}","text":"Is my order #{{{key}}} shipped?"}}]}]}
                    """));
            case 1:
                var igMid = F($"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx_crash{key:D9}");
                return ("instagram", igMid, F($$$"""
                    {"object":"instagram","entry":[{"time":{{{ms + 987}}},"id":"17841455512345678","messaging":[{"sender":{"id":"11235813{{{customer:D8}}}"},"recipient":{"id":"17841455512345678"},"timestamp":{{{ms + 912}}},"message":{"mid":"{{{igMid}}}","text":"Do you ship to Lisbon? #{{{key}}}"}}]}]}
                    """));
            default:
                var phone = F($"55119{customer:D8}");
                var wamid = F($"wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFj_crash{key:D9}");
                return ("whatsapp", wamid, F($$$"""
                    {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Ana Souza"},"wa_id":"{{{phone}}}"}],"messages":[{"from":"{{{phone}}}","id":"{{{wamid}}}","timestamp":"{{{seconds}}}","text":{"body":"Quero trocar o tamanho do pedido #{{{key}}}"},"type":"text"}]},"field":"messages"}]}]}
                    """));
        }
    }

    private static SignedBody Sign((string Platform, string UpdateId, string Json) update, string appSecret)
    {
        var body = Encoding.UTF8.GetBytes(update.Json);
        return new SignedBody(update.Platform, update.UpdateId, body, Signing.XHubSignature256(body, appSecret));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
