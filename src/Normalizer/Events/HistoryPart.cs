using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>
/// A message of the WhatsApp Business app's chat history, synced once a business joins the Cloud API with its app number
/// (Coexistence): where it sits in the sync and its last delivery status.
/// </summary>
public sealed record HistoryPart
{
    /// <summary>The sync phase: 0 (day 0 to 1 before onboarding), 1 (day 1 to 90), 2 (day 90 to 180).</summary>
    [Description("The sync phase: 0 (day 0 to 1 before onboarding), 1 (day 1 to 90), 2 (day 90 to 180).")]
    public long? Phase { get; init; }

    /// <summary>The chunk's number within its phase; chunks may arrive out of order.</summary>
    [Description("The chunk's number within its phase; chunks may arrive out of order.")]
    public long? ChunkOrder { get; init; }

    /// <summary>How far the whole sync is, in percent (100: done).</summary>
    [Description("How far the whole sync is, in percent (100: done).")]
    public long? Progress { get; init; }

    /// <summary>The message's last delivery status (history_context.status: SENT, DELIVERED, READ, PLAYED, PENDING, ERROR).</summary>
    [Description("The message's last delivery status (history_context.status: SENT, DELIVERED, READ, PLAYED, PENDING, ERROR).")]
    public string? Status { get; init; }
}
