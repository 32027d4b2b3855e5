using System.CommandLine;

namespace Normalizer.Host.Cli;

/// <summary>The command line: the same executable serves when no command is given.</summary>
internal static class CliApp
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "normalize", "schemas", "send", "replay", "listen", "--help", "-h", "-?", "--version" };

    /// <summary>Whether the arguments name a CLI command rather than host options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Normalizer: one normalized event model and one send API for Messenger, Instagram and WhatsApp.\n" +
            "Without a command it serves the webhook host on http://127.0.0.1:5080.")
        {
            NormalizeCommand.Create(stdin, stdout, stderr),
            SchemasCommand.Create(stdout, stderr),
            SendCommand.Create(stdout, stderr),
            ReplayCommand.Create(stdout, stderr),
            ListenCommand.Create(stdout),
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
