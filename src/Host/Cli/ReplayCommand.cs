using System.CommandLine;
using System.Globalization;

namespace Normalizer.Host.Cli;

/// <summary><c>replay</c>: asks a running host to deliver a range of the event log to a subscription again.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<HttpMessageHandler>? handler = null)
    {
        var subscription = new Option<string>("--subscription") { Description = "Subscription id (sub_…).", Required = true };
        var from = new Option<long?>("--from") { Description = "First event cursor (next_cursor of /v1/events), inclusive." };
        var to = new Option<long?>("--to") { Description = "Last event cursor, inclusive." };
        var url = new Option<string>("--url") { Description = "Base URL of the host.", DefaultValueFactory = _ => ApiCall.DefaultUrl };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: $NORMALIZER_API_KEY)." };
        var command = new Command("replay", "Re-deliver a range of events to a subscription (POST /v1/subscriptions/{id}/replay).")
        {
            subscription, from, to, url, apiKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new List<string>();
            if (parse.GetValue(from) is { } f)
            {
                query.Add("from=" + f.ToString(CultureInfo.InvariantCulture));
            }

            if (parse.GetValue(to) is { } t)
            {
                query.Add("to=" + t.ToString(CultureInfo.InvariantCulture));
            }

            var path = $"/v1/subscriptions/{Uri.EscapeDataString(parse.GetValue(subscription)!)}/replay"
                + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            return await new ApiCall("replay", handler, stdout, stderr).PostAsync(parse.GetValue(url)!, path,
                ApiCall.Key(parse.GetValue(apiKey)), json: null, cancellationToken);
        });
        return command;
    }
}
