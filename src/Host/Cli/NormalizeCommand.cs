using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Json;

namespace Normalizer.Host.Cli;

/// <summary><c>normalize FILE|-</c>: prints one JSON line per normalized event of one webhook body.</summary>
internal static class NormalizeCommand
{
    public const int BadInput = 2;

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Webhook body to normalize, or - for standard input." };
        var platform = new Option<string?>("--platform") { Description = "Force a channel: facebook (messenger), instagram or whatsapp. Default: from 'object'." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON (one event per block instead of per line)." };
        var command = new Command("normalize", "Print the normalized events of one webhook body as JSON lines.") { file, platform, pretty };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            Platform? pinned = null;
            if (parse.GetValue(platform) is { } name)
            {
                if (!PlatformNames.TryParse(name, out var p))
                {
                    stderr.WriteLine($"normalize: unknown platform '{name}' (use facebook, instagram or whatsapp)");
                    return BadInput;
                }

                pinned = p;
            }

            byte[] body;
            try
            {
                body = path == "-" ? ReadAll(stdin) : File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"normalize: cannot read '{path}': {ex.Message}");
                return BadInput;
            }

            return Print(body, pinned, parse.GetValue(pretty), stdout, stderr);
        });
        return command;
    }

    private static int Print(byte[] body, Platform? pinned, bool pretty, TextWriter stdout, TextWriter stderr)
    {
        using var services = CliServices.Build();
        var normalizer = services.GetRequiredService<WebhookNormalizer>();
        var outcome = normalizer.Normalize(body, new WebhookContext(services.GetRequiredService<TimeProvider>().GetUtcNow(), false), pinned);
        if (outcome.Error is { } error)
        {
            stderr.WriteLine($"normalize: {error.Message}");
            return BadInput;
        }

        var options = new JsonSerializerOptions(NormalizerJsonContext.Default.Options) { WriteIndented = pretty };
        var type = (JsonTypeInfo<NormalizedEvent>)options.GetTypeInfo(typeof(NormalizedEvent));
        using var scope = services.CreateScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        var rejected = 0;
        foreach (var evt in outcome.Events)
        {
            var result = pipeline.ProcessAsync(evt).GetAwaiter().GetResult();
            switch (result.Outcome)
            {
                case ProcessEventOutcome.Stored:
                    stdout.WriteLine(JsonSerializer.Serialize(evt, type));
                    break;
                case ProcessEventOutcome.Duplicate:
                    stderr.WriteLine($"normalize: {evt.Event} {evt.Id} repeats an earlier item of this body; printed once");
                    break;
                default:
                    rejected++;
                    stderr.WriteLine($"normalize: {evt.Event} {evt.Id} rejected: {string.Join("; ", result.Reasons)}");
                    break;
            }
        }

        return rejected == 0 ? 0 : BadInput;
    }

    private static byte[] ReadAll(TextReader stdin)
    {
        if (stdin == Console.In)
        {
            using var stream = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        return System.Text.Encoding.UTF8.GetBytes(stdin.ReadToEnd());
    }
}
