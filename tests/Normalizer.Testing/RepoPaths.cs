namespace Normalizer.Testing;

/// <summary>Paths of the checkout (found by walking up to Normalizer.sln) and of shared/ beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The sample bodies in ../shared/samples next to the checkout.</summary>
    public static string SharedSamples => Path.GetFullPath(Path.Combine(Root, "..", "shared", "samples"));

    /// <summary>Test fixtures copied beside the test assembly.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normalizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Normalizer.sln not found above " + AppContext.BaseDirectory);
    }
}
