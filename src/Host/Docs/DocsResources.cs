namespace Normalizer.Host.Docs;

/// <summary>The files of the integrator docs embedded in the host (templates, examples, signature snippets), by file name.</summary>
internal static class DocsResources
{
    public static string Read(string fileName)
    {
        using var stream = typeof(DocsResources).Assembly.GetManifestResourceStream("docs/" + fileName)
            ?? throw new InvalidOperationException($"the docs resource '{fileName}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
