using System.CommandLine;


namespace Normalizer.Host.Cli;

/// <summary><c>schemas export DIR</c>: writes the JSON Schema files generated from the C# types.</summary>
internal static class SchemasCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("dir") { Description = "Directory to write the *.schema.json files to." };
        var export = new Command("export", "Write the JSON Schemas (draft 2020-12) of the normalized event and the API types.") { dir };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(dir)!;
            try
            {
                Directory.CreateDirectory(target);
                foreach (var (name, json) in HostSchemas.All())
                {
                    File.WriteAllText(Path.Combine(target, name), json);
                    stdout.WriteLine(Path.Combine(target, name));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"schemas export: cannot write to '{target}': {ex.Message}");
                return NormalizeCommand.BadInput;
            }

            return 0;
        });
        return new Command("schemas", "JSON Schema files for integrators.") { export };
    }
}
