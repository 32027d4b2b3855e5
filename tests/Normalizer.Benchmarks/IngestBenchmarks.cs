using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Ingest;

namespace Normalizer.Benchmarks;

/// <summary>
/// The ingest path, one class so that every figure reads as a ratio to the same baseline: a bare
/// <see cref="JsonDocument"/> parse of the Messenger single-message body that reads the sender IDs.
/// One operation is one webhook body unless the description says "per webhook" (batched appends).
/// The pipeline and inbox benchmarks live in <c>IngestBenchmarks.Store.cs</c>.
/// </summary>
[MemoryDiagnoser]
public partial class IngestBenchmarks
{
    private const string AppSecret = "benchmark-app-secret";

    /// <summary>The context every benchmark normalizes with (a fixed receive time, signature verified).</summary>
    internal static readonly WebhookContext Context = new(new DateTimeOffset(2025, 11, 21, 8, 0, 0, TimeSpan.Zero), SignatureVerified: true);

    private WebhookNormalizer _normalizer = null!;
    private byte[][] _secrets = null!;
    private string _signature = null!;

    [GlobalSetup(Targets = [nameof(Baseline), nameof(MessengerSingle), nameof(MessengerBatch50), nameof(InstagramDm),
        nameof(WhatsAppText), nameof(WhatsAppStatuses), nameof(VerifySignature)])]
    public void Setup()
    {
        _normalizer = CreateNormalizer();
        _secrets = [Encoding.UTF8.GetBytes(AppSecret)];
        _signature = Sign(Bodies.MessengerSingle);
        foreach (var (_, body) in Bodies.Normalized)
        {
            // A body that stopped normalizing would make every figure meaningless.
            var outcome = _normalizer.Normalize(body, Context);
            if (outcome.Error is not null || outcome.Events.Any(e => e.Event == Events.EventName.UnknownReceived))
            {
                throw new InvalidOperationException($"a benchmark body no longer normalizes: {outcome.Error?.Message}");
            }
        }
    }

    /// <summary>The normalizer with the three channels, as the host builds it.</summary>
    internal static WebhookNormalizer CreateNormalizer() =>
        new ServiceCollection().AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().Services
            .BuildServiceProvider().GetRequiredService<WebhookNormalizer>();

    [Benchmark(Baseline = true, Description = "Baseline: JsonDocument.Parse + sender ids (Messenger single)")]
    public int Baseline()
    {
        using var document = JsonDocument.Parse(Bodies.MessengerSingle);
        var length = 0;
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            foreach (var item in entry.GetProperty("messaging").EnumerateArray())
            {
                length += item.GetProperty("sender").GetProperty("id").GetString()!.Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "Normalize: Messenger single message (1 event)")]
    public int MessengerSingle() => _normalizer.Normalize(Bodies.MessengerSingle, Context).Events.Count;

    [Benchmark(Description = "Normalize: Messenger batch (50 events)")]
    public int MessengerBatch50() => _normalizer.Normalize(Bodies.MessengerBatch50, Context).Events.Count;

    [Benchmark(Description = "Normalize: Instagram DM (1 event)")]
    public int InstagramDm() => _normalizer.Normalize(Bodies.InstagramDm, Context).Events.Count;

    [Benchmark(Description = "Normalize: WhatsApp text (1 event)")]
    public int WhatsAppText() => _normalizer.Normalize(Bodies.WhatsAppText, Context).Events.Count;

    [Benchmark(Description = "Normalize: WhatsApp statuses (2 events)")]
    public int WhatsAppStatuses() => _normalizer.Normalize(Bodies.WhatsAppStatuses, Context).Events.Count;

    [Benchmark(Description = "SignatureVerifier.Verify (Messenger single, 1 secret)")]
    public bool VerifySignature() => SignatureVerifier.Verify(Bodies.MessengerSingle, _signature, _secrets);

    internal static string Sign(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body));
}
