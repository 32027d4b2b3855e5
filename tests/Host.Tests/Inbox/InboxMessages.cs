using System.Text;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>Messenger message webhooks of one Page: one entry, one messaging item per message.</summary>
internal static class InboxMessages
{
    public const string Page = "104523987765432";

    public static byte[] Message(string mid, string text) => Batch((mid, text));

    public static byte[] Batch(params (string Mid, string Text)[] messages)
    {
        var items = messages.Select((m, i) =>
            $$$"""{"sender":{"id":"7723419865501234"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{1763712000101 + i}}},"message":{"mid":"{{{m.Mid}}}","text":"{{{m.Text}}}"}}""");
        return Encoding.UTF8.GetBytes(
            $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":1763712000123,"messaging":[{{{string.Join(",", items)}}}]}]}""");
    }
}
