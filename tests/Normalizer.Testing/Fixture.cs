namespace Normalizer.Testing;

/// <summary>Webhook bodies for tests: <c>Fixtures/&lt;platform&gt;/&lt;case&gt;.json</c> or a shared sample.</summary>
public static class Fixture
{
    public static byte[] Load(string platform, string name) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, platform, name + ".json"));

    public static byte[] Sample(string fileName) => File.ReadAllBytes(Path.Combine(RepoPaths.SharedSamples, fileName));

    public static IEnumerable<string> SampleNames() =>
        Directory.EnumerateFiles(RepoPaths.SharedSamples, "*.json").Select(Path.GetFileName).OfType<string>().Order();

    /// <summary>Every fixture of every platform, as (platform, name).</summary>
    public static IEnumerable<(string Platform, string Name)> All() =>
        Directory.EnumerateFiles(RepoPaths.Fixtures, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetFileName(Path.GetDirectoryName(f)!), Path.GetFileNameWithoutExtension(f)))
            .Order();
}
