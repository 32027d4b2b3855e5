using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Tests.Channels;

/// <summary>
/// Bounded fuzzing: realistic bodies (every fixture and shared sample) mutated at random with a fixed seed, normalized
/// by every channel (picked by <c>object</c> and pinned). A body gives events or a typed error, never an exception, in
/// well under a set time; and every event it gives can be stored: it has its id, its raw object, and serializes. (Whether
/// the pipeline's validation takes it is another matter: a body no real webhook looks like may yield an event that is
/// quarantined with its row.)
/// </summary>
public sealed class NormalizerFuzzTests
{
    private const int Seed = 20_261_202;
    private const int Iterations = 6_000;
    private static readonly TimeSpan PerBody = TimeSpan.FromSeconds(1);

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "9007199254740993", "18446744073709551616",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "[]", "{}", "[null]", "{\"id\":{}}", "\"1763712000\"",
    ];

    private static readonly string[] Names =
    [
        "id", "time", "object", "entry", "messaging", "standby", "changes", "field", "value", "timestamp", "sender",
        "recipient", "message", "mid", "messages", "statuses", "contacts", "metadata", "type", "from", "text", "delivery",
    ];

    private static readonly Platform?[] Pins = [null, Platform.Facebook, Platform.Instagram, Platform.WhatsApp];

    [Fact]
    public void Normalize_MutatedRealisticBodies_GivesEventsOrATypedErrorInTime()
    {
        var bodies = Fixture.All().Select(f => Fixture.Load(f.Platform, f.Name)).Concat(Fixture.SampleNames().Select(Fixture.Sample)).ToList();
        var services = new ServiceCollection().AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().Services.BuildServiceProvider();
        var normalizer = services.GetRequiredService<WebhookNormalizer>();
        var context = new WebhookContext(TestNormalizer.ReceivedAt, true);
        var random = new Random(Seed);
        var (errors, events) = (0, 0);

        for (var i = 0; i < Iterations; i++)
        {
            var body = Mutate(bodies[random.Next(bodies.Count)], random);
            var pinned = Pins[random.Next(Pins.Length)];
            var started = Stopwatch.GetTimestamp();
            NormalizeOutcome outcome;
            try
            {
                outcome = normalizer.Normalize(body, context, pinned);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i} threw for the body (base64) {Convert.ToBase64String(body)}: {ex}");
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            Assert.True(elapsed < PerBody, $"iteration {i} took {elapsed} for the body (base64) {Convert.ToBase64String(body)}");
            if (outcome.Error is { } error)
            {
                errors++;
                Assert.True(Enum.IsDefined(error.Kind), $"iteration {i}: error kind {error.Kind}");
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"iteration {i}: an error without a message");
                continue;
            }

            foreach (var evt in outcome.Events)
            {
                events++;
                Assert.True(evt.Id.StartsWith("evt_", StringComparison.Ordinal) && evt.Raw.IsObject, $"iteration {i}: {evt.Id} {evt.Raw}");
                try
                {
                    JsonSerializer.SerializeToUtf8Bytes(evt, NormalizerJsonContext.Default.NormalizedEvent);
                }
                catch (Exception ex)
                {
                    Assert.Fail($"iteration {i}: {evt.Event} does not serialize ({ex.Message}) from the body (base64) {Convert.ToBase64String(body)}");
                }
            }
        }

        // The mutations reach both outcomes: the test is not only feeding broken JSON, nor only valid bodies.
        Assert.InRange(errors, Iterations / 20, Iterations - (Iterations / 20));
        Assert.True(events > Iterations / 4, $"only {events} events");
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: // one byte changed
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1: // truncated
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // a range deleted
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 3: // a range repeated
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 4: // invalid UTF-8
                    bytes.InsertRange(at, random.Next(2) == 0 ? [0xFF] : [0xC3, 0x28]);
                    break;
                case 5: // deep nesting where a value starts
                    var depth = random.Next(10, 200);
                    ReplaceValue(bytes, random, new string('[', depth) + new string(']', depth));
                    break;
                case 6: // a property renamed to another known name (a repeated or misplaced property)
                    RenameProperty(bytes, random);
                    break;
                default: // a value of another JSON type
                    ReplaceValue(bytes, random, Values[random.Next(Values.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }

    // Replaces what follows a random ':' up to the next ',', '}' or ']' (a whole scalar, or the start of a container).
    private static void ReplaceValue(List<byte> bytes, Random random, string value)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)':').ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        while (end < bytes.Count && bytes[end] is not ((byte)',' or (byte)'}' or (byte)']'))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(value));
    }

    private static void RenameProperty(List<byte> bytes, Random random)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var names = System.Text.RegularExpressions.Regex.Matches(text, "\"([a-z_]+)\"\\s*:");
        if (names.Count == 0)
        {
            return;
        }

        var name = names[random.Next(names.Count)].Groups[1];
        var renamed = text[..name.Index] + Names[random.Next(Names.Length)] + text[(name.Index + name.Length)..];
        bytes.Clear();
        bytes.AddRange(Encoding.UTF8.GetBytes(renamed));
    }
}
