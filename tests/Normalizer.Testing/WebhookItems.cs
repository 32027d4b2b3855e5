using System.Text;
using System.Text.Json;

namespace Normalizer.Testing;

/// <summary>
/// Reads a webhook body the way the normalized event (schemas/README.md) describes its events: one per item, in payload order
/// (each entry's messaging/standby/changes arrays in the order they appear; an entry with none is one item).
/// Used to check <c>raw</c> and to redeliver single items in other bodies.
/// </summary>
public static class WebhookItems
{
    public sealed record Item(string PageId, string Container, JsonElement Element);

    public static IReadOnlyList<Item> Of(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var items = new List<Item>();
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            var pageId = entry.TryGetProperty("id", out var id) ? (id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText()) : "";
            var before = items.Count;
            foreach (var property in entry.EnumerateObject())
            {
                if (property.Name is "messaging" or "standby" or "changes" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    items.AddRange(property.Value.EnumerateArray().Select(i => new Item(pageId, property.Name, i.Clone())));
                }
            }

            if (items.Count == before)
            {
                items.Add(new Item(pageId, "entry", entry.Clone()));
            }
        }

        return items;
    }

    /// <summary>
    /// A new body holding <paramref name="item"/> after an unrelated message, in an entry with another time,
    /// after an unrelated entry of another page: the same update redelivered in another batch.
    /// </summary>
    public static byte[] Redeliver(string webhookObject, Item item)
    {
        var filler = """{"sender":{"id":"5550000000000001"},"recipient":{"id":"PAGE"},"timestamp":1700000000000,"message":{"mid":"m_filler","text":"filler"}}"""
            .Replace("PAGE", item.PageId, StringComparison.Ordinal);
        var container = item.Container == "entry" ? "messaging" : item.Container;
        var inner = container == "changes" ? item.Element.GetRawText() : filler + "," + item.Element.GetRawText();
        var json = $$"""
            {"object":"{{webhookObject}}","entry":[
             {"id":"999000000000001","time":1700000000000,"messaging":[{{filler.Replace(item.PageId, "999000000000001", StringComparison.Ordinal)}}]},
             {"id":"{{item.PageId}}","time":1700000009999,"{{container}}":[{{inner}}]}]}
            """;
        return Encoding.UTF8.GetBytes(json);
    }
}
