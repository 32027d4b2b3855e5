using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Normalizer.Channels;

/// <summary>The one-line messages <see cref="WebhookNormalizer"/> gives a body that is not JSON, saying what is wrong and where.</summary>
internal static class WebhookErrorText
{
    /// <summary>Says that the body is valid UTF-8 only up to its first bad byte.</summary>
    public static string NotUtf8(ReadOnlySpan<byte> body) => $"the body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(body)})";

    /// <summary>Says which JSON value the body is instead of an object.</summary>
    public static string NotAnObject(JsonTokenType token) => $"the body is a JSON {Kind(token)}, not an object";

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>Says what is wrong with a body the reader refused, and where (1-based line and byte).</summary>
    public static string Describe(ReadOnlySpan<byte> body, JsonException ex)
    {
        var content = body.TrimEnd(" \t\r\n"u8);
        if (content.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return "the body is empty";
        }

        var line = ex.LineNumber ?? 0;
        var byteInLine = ex.BytePositionInLine ?? 0;
        var where = $"line {line + 1}, byte {byteInLine + 1}";
        if (NestsTooDeep(body))
        {
            return $"the body nests JSON deeper than {WebhookNormalizer.MaxDepth} levels (refused at {where})";
        }

        if (Offset(body, line, byteInLine) >= content.Length)
        {
            return $"the body is truncated: the JSON stops after byte {content.Length} ({where}) before it is complete";
        }

        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return $"the body is not valid JSON at {where}: {(cut > 0 ? reason[..cut] : reason)}";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    // The 0-based byte offset of (line, byte in line) as JsonException reports them.
    private static long Offset(ReadOnlySpan<byte> body, long line, long byteInLine)
    {
        var start = 0;
        for (long l = 0; l < line; l++)
        {
            var next = body[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return body.Length;
            }

            start += next + 1;
        }

        return start + byteInLine;
    }

    // Only on the error path: does a container open at a depth the reader refuses?
    private static bool NestsTooDeep(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= WebhookNormalizer.MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed further on; whatever was read is not too deep.
        }

        return false;
    }
}
