namespace Normalizer.Host.Options;

/// <summary>
/// What a configured secret (app secret, API key) must look like. An empty entry is usually an unset variable, and
/// surrounding whitespace (a newline from a file) would make every comparison fail without saying why.
/// </summary>
internal static class SecretRules
{
    public static void Check(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is empty");
        }
        else if (value.Trim().Length != value.Length)
        {
            failures.Add($"{key} has leading or trailing whitespace");
        }
    }
}
