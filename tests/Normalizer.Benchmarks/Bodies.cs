namespace Normalizer.Benchmarks;

/// <summary>
/// Realistic webhook bodies embedded in the assembly (copied from the shared sample bodies and Meta's example webhook payloads,
/// with realistic ID lengths), so the benchmarks run from the repository alone.
/// </summary>
internal static class Bodies
{
    public static byte[] MessengerSingle { get; } = Load("messenger-single.json");

    /// <summary>One entry with 50 <c>messaging</c> items (distinct mids and senders), as Meta batches under load.</summary>
    public static byte[] MessengerBatch50 { get; } = Load("messenger-batch-50.json");

    public static byte[] InstagramDm { get; } = Load("instagram-dm.json");

    /// <summary>A text message with the contact's phone and BSUID.</summary>
    public static byte[] WhatsAppText { get; } = Load("whatsapp-text.json");

    /// <summary>Two statuses in one change: delivered, then failed with an error.</summary>
    public static byte[] WhatsAppStatuses { get; } = Load("whatsapp-statuses.json");

    /// <summary>The five normalizer bodies above by name (their file names without <c>.json</c>), in that order.</summary>
    public static (string Name, byte[] Body)[] Normalized { get; } =
    [
        ("messenger-single", MessengerSingle), ("messenger-batch-50", MessengerBatch50), ("instagram-dm", InstagramDm),
        ("whatsapp-text", WhatsAppText), ("whatsapp-statuses", WhatsAppStatuses),
    ];

    private static byte[] Load(string name)
    {
        using var stream = typeof(Bodies).Assembly.GetManifestResourceStream("Bodies." + name)
            ?? throw new InvalidOperationException($"embedded body {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
