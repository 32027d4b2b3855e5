using System.Text.Json;
using Normalizer.Identity;

namespace Normalizer.Templates;

/// <summary>
/// What a template sees: the contact's profile fields (<c>first_name</c>, <c>last_name</c>, <c>name</c>,
/// <c>username</c>, <c>locale</c>) overlaid by the request's <c>data</c> object, as nested dictionaries so that
/// <c>{{order.id}}</c> and <c>{{#each items}}</c> work. The caller's data wins over profile fields of the same name.
/// </summary>
internal static class TemplateContext
{
    public static Dictionary<string, object?> Build(UserProfile? profile, JsonElement? data)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (profile is not null)
        {
            Add(context, "first_name", profile.FirstName);
            Add(context, "last_name", profile.LastName);
            Add(context, "name", profile.Name ?? Join(profile.FirstName, profile.LastName));
            Add(context, "username", profile.Username);
            Add(context, "locale", profile.Locale);
        }

        if (data is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                context[property.Name] = ToValue(property.Value);
            }
        }

        return context;
    }

    private static void Add(Dictionary<string, object?> context, string key, string? value)
    {
        if (value is not null)
        {
            context[key] = value;
        }
    }

    private static string? Join(string? first, string? last) =>
        first is null && last is null ? null : string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrEmpty(s)));

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal), (d, p) => { d[p.Name] = ToValue(p.Value); return d; }),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.TryGetDecimal(out var m) ? m : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
