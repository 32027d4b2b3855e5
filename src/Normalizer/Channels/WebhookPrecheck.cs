using System.Text.Json;
using Normalizer.Json;

namespace Normalizer.Channels;

/// <summary>
/// The check done before a webhook is acknowledged: the body is well-formed JSON (walked once with
/// <see cref="Utf8JsonReader"/>, no allocation) and its top-level <c>object</c> is read. Everything
/// else is left to the processor, which quarantines what it cannot normalize.
/// </summary>
public static class WebhookPrecheck
{
    /// <summary>Null when the body is a JSON object; else one line saying what is wrong and where.</summary>
    public static string? Check(ReadOnlySpan<byte> body, out string? webhookObject)
    {
        webhookObject = null;
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return "the body is not valid UTF-8 (JSON must be UTF-8)";
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = WebhookNormalizer.MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "the body is not a JSON object";
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("object"u8))
                {
                    reader.Read();
                    webhookObject = reader.TokenType == JsonTokenType.String ? reader.StringValue() : null;
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"the body is not valid JSON at byte {reader.BytesConsumed + 1} (line {ex.LineNumber + 1}): malformed, truncated or nested deeper than {WebhookNormalizer.MaxDepth} levels";
        }
    }
}
