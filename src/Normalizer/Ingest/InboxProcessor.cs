using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>
/// Turns inbox rows into events, in arrival order, one batch per transaction. A row that cannot be
/// normalized (or an event that fails validation) goes to quarantine with the reason; it never blocks
/// the rows behind it. Rows are marked processed in the same transaction as their events, and events
/// are idempotent by id, so a crash at any point neither loses nor doubles anything.
/// </summary>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes, IInbox inbox, IQuarantine quarantine, WebhookNormalizer normalizer,
    EventFeed feed, InboxWriteGate gate, ILogger<InboxProcessor> logger)
{
    /// <summary>Rows per batch.</summary>
    public const int BatchSize = 256;

    /// <summary>Processes the next batch; returns the number of inbox rows processed (0 when the inbox is empty).</summary>
    public async Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken)
    {
        var rows = await inbox.ReadPendingAsync(BatchSize, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Writes take turns with the inbox writer (InboxWriteGate): webhooks wait for one batch at most.
        using var turn = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        foreach (var row in rows)
        {
            var mark = await session.SaveAsync("row", cancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessRowAsync(row, session, pipeline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug or an odd shape must not stall the inbox: undo this row's work and keep it aside.
                LogRowFailed(logger, row.Id, ex.GetType().Name);
                await session.RollbackToAsync("row", mark, cancellationToken).ConfigureAwait(false);
                await quarantine.AddAsync(session, row.Id, null, $"processing failed: {ex.GetType().Name}", row.Body, row.ReceivedAt,
                    cancellationToken).ConfigureAwait(false);
            }

            await session.ReleaseAsync("row", cancellationToken).ConfigureAwait(false);
        }

        await inbox.MarkProcessedAsync(session, rows.Select(r => r.Id).ToList(), cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        feed.Publish(session.Stored);
        return rows.Count;
    }

    private async Task ProcessRowAsync(InboxRow row, StoreSession session, EventPipeline pipeline, CancellationToken cancellationToken)
    {
        Platform? pinned = PlatformNames.TryParse(row.Channel, out var p) ? p : null;
        var context = new WebhookContext(DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt), row.SignatureVerified);
        var outcome = normalizer.Normalize(row.Body, context, pinned);
        if (outcome.Error is { } error)
        {
            await quarantine.AddAsync(session, row.Id, null, error.Message, row.Body, row.ReceivedAt, cancellationToken).ConfigureAwait(false);
            return;
        }

        session.InboxId = row.Id;
        foreach (var evt in outcome.Events)
        {
            var result = await pipeline.ProcessAsync(evt, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == ProcessEventOutcome.Rejected)
            {
                await quarantine.AddAsync(session, row.Id, evt.Id, string.Join("; ", result.Reasons), row.Body, row.ReceivedAt,
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} failed to process ({Error}); quarantined")]
    private static partial void LogRowFailed(ILogger logger, long inboxId, string error);
}
