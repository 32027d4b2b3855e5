using System.CommandLine;
using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Sending;

namespace Normalizer.Host.Cli;

/// <summary><c>send</c>: calls a running host's <c>POST /v1/messages</c> and prints the result.</summary>
internal static class SendCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<HttpMessageHandler>? handler = null)
    {
        var to = new Option<string>("--to") { Description = "Recipient: a PSID/IGSID/wa_id/BSUID (with --page-id), a contact id or a conversation id.", Required = true };
        var pageId = new Option<string?>("--page-id") { Description = "Page / Instagram account / phone_number_id that owns the recipient ID." };
        var platform = new Option<string?>("--platform") { Description = "facebook, instagram or whatsapp (default: the page's)." };
        var text = new Option<string?>("--text") { Description = "Text to send." };
        var template = new Option<string?>("--template") { Description = "A stored reply template to render instead of --text." };
        var tag = new Option<string?>("--tag") { Description = "Message tag (e.g. HUMAN_AGENT); sets messaging_type MESSAGE_TAG." };
        var fallback = new Option<string[]>("--fallback") { Description = "Channels to try when the recipient is unreachable.", AllowMultipleArgumentsPerToken = true };
        var queue = new Option<bool>("--queue") { Description = "Queue the message until the person writes again if unreachable." };
        var url = new Option<string>("--url") { Description = "Base URL of the host.", DefaultValueFactory = _ => ApiCall.DefaultUrl };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: $NORMALIZER_API_KEY)." };
        var command = new Command("send", "Send a message through a running host (POST /v1/messages) and print the result.")
        {
            to, pageId, platform, text, template, tag, fallback, queue, url, apiKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Platform? channel = null;
            if (parse.GetValue(platform) is { } name)
            {
                if (!PlatformNames.TryParse(name, out var p))
                {
                    stderr.WriteLine($"send: unknown platform '{name}'");
                    return NormalizeCommand.BadInput;
                }

                channel = p;
            }

            var fallbacks = new List<Platform>();
            foreach (var f in parse.GetValue(fallback) ?? [])
            {
                if (!PlatformNames.TryParse(f, out var p))
                {
                    stderr.WriteLine($"send: unknown fallback channel '{f}'");
                    return NormalizeCommand.BadInput;
                }

                fallbacks.Add(p);
            }

            if (parse.GetValue(text) is null && parse.GetValue(template) is null)
            {
                stderr.WriteLine("send: give --text or --template");
                return NormalizeCommand.BadInput;
            }

            var request = new SendRequest
            {
                To = parse.GetValue(to)!, PageId = parse.GetValue(pageId), Platform = channel,
                Message = new OutboundMessage { Type = "text", Body = parse.GetValue(text), Template = parse.GetValue(template) },
                Tag = parse.GetValue(tag), FallbackChannels = fallbacks.Count > 0 ? fallbacks : null, QueueIfUnreachable = parse.GetValue(queue),
            };
            return await new ApiCall("send", handler, stdout, stderr).PostAsync(parse.GetValue(url)!, "/v1/messages",
                ApiCall.Key(parse.GetValue(apiKey)), JsonSerializer.Serialize(request, NormalizerJsonContext.Default.SendRequest), cancellationToken);
        });
        return command;
    }
}
