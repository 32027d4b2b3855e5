using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.BadInput;

/// <summary>
/// The bad-input corpus (<c>BadInput/Cases</c>, one file per case with its expected answer) against one running host:
/// every case ends in its clear 4xx (JSON error body, the expected code) or in a 200 whose row becomes exactly what the
/// case says (one quarantine record, or its events) — never a 500. After the whole corpus the host still works: a normal
/// webhook becomes its event within a second.
/// </summary>
public sealed class BadInputCorpusTests
{
    [Fact]
    public void Corpus_HasAtLeastSixtyCases_EachWithAnExpectedStatus()
    {
        var cases = BadInputCase.All();

        Assert.True(cases.Count >= 60, $"{cases.Count} cases");
        Assert.All(cases, c => Assert.InRange(c.Status, 200, 499));
        Assert.All(cases, c => Assert.True(c.Spec.TryGetProperty("why", out _), $"{c.Name} says not why"));
    }

    [Fact]
    public async Task Corpus_EveryCaseGetsItsAnswer_AndANormalWebhookStillBecomesItsEventWithinASecond()
    {
        await using var app = new NormalizerApplication();
        using var client = app.CreateClient();
        using var api = app.Api();
        var failures = new List<string>();
        string? cursor = null;
        long quarantineSeen = 0;
        foreach (var @case in BadInputCase.All())
        {
            using var request = @case.Request(NormalizerApplication.AppSecret);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status != @case.Status)
            {
                failures.Add($"{@case.Name}: HTTP {status}, expected {@case.Status}: {Cut(text)}");
                continue;
            }

            if (status >= 400)
            {
                var code = JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetString();
                if (@case.Expect.TryGetProperty("code", out var expected) && expected.GetString() != code)
                {
                    failures.Add($"{@case.Name}: error code {code}, expected {expected.GetString()}");
                }

                continue;
            }

            var inboxId = JsonDocument.Parse(text).RootElement.GetProperty("inbox_id").GetInt64();
            await app.WaitForDrainAsync(TimeSpan.FromSeconds(60));
            var quarantined = await QuarantineAfterAsync(api, quarantineSeen);
            quarantineSeen = quarantined.Count > 0 ? quarantined[^1].GetProperty("id").GetInt64() : quarantineSeen;
            var (events, next) = await EventsAfterAsync(api, cursor);
            cursor = next ?? cursor;
            failures.AddRange(Check(@case, inboxId, quarantined, events));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The host is not left stalled or degraded by anything above.
        var normal = Fixture.Sample("instagram-text.json");
        var started = Stopwatch.GetTimestamp();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.PostWebhookAsync(normal)).StatusCode);
        var arrived = await app.WaitForEventsAsync(1, "platform=instagram&event=message.received", TimeSpan.FromSeconds(1));
        Assert.True(arrived.Any(e => e.GetProperty("raw").GetRawText().Contains("\"mid\"", StringComparison.Ordinal)),
            $"no event within {Stopwatch.GetElapsedTime(started)}");
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private static IEnumerable<string> Check(BadInputCase @case, long inboxId, List<JsonElement> quarantined, List<JsonElement> events)
    {
        var expect = @case.Expect;
        var wantQuarantine = expect.TryGetProperty("quarantine", out var q) && q.GetBoolean();
        var ours = quarantined.Where(r => r.GetProperty("inbox_id").GetInt64() == inboxId).ToList();
        if (ours.Count != (wantQuarantine ? 1 : 0) || quarantined.Count != ours.Count)
        {
            yield return $"{@case.Name}: {ours.Count} quarantine record(s) for its row ({quarantined.Count} new in all), expected {(wantQuarantine ? 1 : 0)}: " +
                string.Join(" | ", quarantined.Select(r => r.GetProperty("reason").GetString()));
        }

        if (expect.TryGetProperty("reason_contains", out var reason) && !ours.Any(r => r.GetProperty("reason").GetString()!.Contains(reason.GetString()!, StringComparison.Ordinal)))
        {
            yield return $"{@case.Name}: no quarantine reason contains '{reason.GetString()}'";
        }

        var wantEvents = expect.TryGetProperty("events", out var n) ? n.GetInt32() : 0;
        if (events.Count != wantEvents)
        {
            yield return $"{@case.Name}: {events.Count} event(s), expected {wantEvents}: {string.Join(", ", events.Select(e => e.GetProperty("event").GetString()))}";
        }

        if (expect.TryGetProperty("event_names", out var names) &&
            !names.EnumerateArray().Select(e => e.GetString()).SequenceEqual(events.Select(e => e.GetProperty("event").GetString())))
        {
            yield return $"{@case.Name}: events {string.Join(", ", events.Select(e => e.GetProperty("event").GetString()))}, expected {names.GetRawText()}";
        }

        if (expect.TryGetProperty("message_body", out var body) &&
            !events.Any(e => e.TryGetProperty("message", out var m) && m.TryGetProperty("body", out var b) && b.GetString() == body.GetString()))
        {
            yield return $"{@case.Name}: no event's message.body is {body.GetRawText()}";
        }

        if (expect.TryGetProperty("event_contains", out var contains))
        {
            var all = string.Join("\n", events.Select(e => e.GetRawText()));
            foreach (var fragment in contains.EnumerateArray().Select(c => c.GetString()!).Where(f => !all.Contains(f, StringComparison.Ordinal)))
            {
                yield return $"{@case.Name}: no event contains {fragment}";
            }
        }
    }

    private static async Task<List<JsonElement>> QuarantineAfterAsync(HttpClient api, long after)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/quarantine?after={after}&limit=1000");
        return page.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static async Task<(List<JsonElement> Events, string? Next)> EventsAfterAsync(HttpClient api, string? cursor)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/events?limit=1000{(cursor is null ? "" : "&after=" + cursor)}");
        var next = page.GetProperty("next_cursor");
        return (page.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList(), next.ValueKind == JsonValueKind.String ? next.GetString() : null);
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
