using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Events;

namespace Normalizer.Testing;

/// <summary>
/// The real <see cref="WebhookNormalizer"/> with all three channels. Every event it returns has been
/// checked against the JSON Schema, so every event the test suite produces is validated.
/// </summary>
public static class TestNormalizer
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<WebhookNormalizer> Instance = new(() => TestChannels.Services.GetRequiredService<WebhookNormalizer>());

    public static NormalizeOutcome Run(byte[] body, bool signatureVerified = true, Platform? pinned = null)
    {
        var outcome = Instance.Value.Normalize(body, new WebhookContext(ReceivedAt, signatureVerified), pinned);
        foreach (var evt in outcome.Events)
        {
            EventSchema.AssertValid(evt);
        }

        return outcome;
    }

    /// <summary>The events of a body that must normalize without error.</summary>
    public static IReadOnlyList<NormalizedEvent> Events(byte[] body)
    {
        var outcome = Run(body);
        Xunit.Assert.Null(outcome.Error);
        return outcome.Events;
    }
}
