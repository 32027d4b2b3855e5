using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Normalizer.Json;

namespace Normalizer.Ids;

/// <summary>
/// The ids of the business side (Pages, Instagram accounts, WhatsApp business accounts) come back on every webhook:
/// once read, their strings are reused instead of allocated again. Bounded: emptied when full.
/// </summary>
public static class BusinessIds
{
    private const int MaxRemembered = 4_096;
    private const int MaxLength = 64;
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _remembered;

    /// <summary>
    /// <see cref="JsonReaderExtensions.ReadText(ref Utf8JsonReader)"/> for a business id: the same text, the same
    /// string instance each time the same id is read.
    /// </summary>
    public static string? Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return reader.Text();
        }

        Span<char> chars = stackalloc char[MaxLength];
        var id = chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)];
        if (ByChars.TryGetValue(id, out var known))
        {
            return known;
        }

        var text = new string(id);
        if (Interlocked.Increment(ref _remembered) > MaxRemembered)
        {
            Known.Clear();
            Interlocked.Exchange(ref _remembered, 0);
        }

        Known.TryAdd(text, text);
        return text;
    }
}
