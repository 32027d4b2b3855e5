using System.Data.Common;
using System.Diagnostics;
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
/// are idempotent by id, so a crash at any point neither loses nor doubles anything. For the same reason
/// its commits need not wait for stable storage (<see cref="StoreSession.DeferSync"/>): a batch undone by a
/// power loss takes its marks with it, and its rows are processed again. Webhooks are appended by the inbox
/// writer, whose commits do wait (durable before 200).
/// </summary>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes, IInbox inbox, IQuarantine quarantine, WebhookNormalizer normalizer,
    EventFeed feed, InboxWriteGate gate, IStoreConnectionFactory connections, ILogger<InboxProcessor> logger)
{
    /// <summary>Rows per batch.</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// How long a batch goes on while the inbox writer waits for its turn (<see cref="InboxWriteGate.Contended"/>):
    /// the batch then commits what it has done and leaves the rest for the next one. A webhook's 200 waits for the
    /// processor's turn, so this bounds the ingest latency under load; without ingest, batches stay full.
    /// </summary>
    public static readonly TimeSpan ContendedTurn = TimeSpan.FromMilliseconds(2);

    /// <summary>Processes the next batch; returns the number of inbox rows processed (0 when the inbox is empty).</summary>
    public async Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken)
    {
        var rows = await inbox.ReadPendingAsync(BatchSize, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return 0;
        }

        // One store: writes take turns with the inbox writer (InboxWriteGate), webhooks wait for one turn at most.
        // A separate inbox store: only the marks take a turn (ProcessAsync).
        using var turn = connections.SeparateInbox ? default(InboxWriteGate.Turn?) : await gate.EnterAsync(cancellationToken).ConfigureAwait(false);

        // First without a savepoint per row (two statements per row saved). A row that throws is rare: the whole
        // attempt is then rolled back (nothing was committed or published) and the batch is done again with a
        // savepoint per row, so that only the failing row goes to quarantine.
        return await ProcessAsync(rows, savepoints: false, cancellationToken).ConfigureAwait(false) is var done and >= 0
            ? done
            : await ProcessAsync(rows, savepoints: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes a prefix of <paramref name="rows"/> and commits it; -1 if a row threw without savepoints.</summary>
    private async Task<int> ProcessAsync(IReadOnlyList<InboxRow> rows, bool savepoints, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        // One store: a commit lost on power loss takes its marks with it, its rows are processed again. A separate
        // inbox store: the events must be durable before the marks are written there.
        session.DeferSync = !connections.SeparateInbox;
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        foreach (var row in rows)
        {
            if (count > 0 && !connections.SeparateInbox && gate.Contended && Stopwatch.GetElapsedTime(started) >= ContendedTurn)
            {
                break;
            }

            count++;
            if (!savepoints)
            {
                try
                {
                    await ProcessRowAsync(row, session, pipeline, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsRowFault(ex))
                {
                    return -1; // disposing the scope rolls the session back
                }

                continue;
            }

            var mark = await session.SaveAsync("row", cancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessRowAsync(row, session, pipeline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRowFault(ex))
            {
                // A bug or an odd shape must not stall the inbox: undo this row's work and keep it aside.
                LogRowFailed(logger, row.Id, ex.GetType().Name);
                await session.RollbackToAsync("row", mark, cancellationToken).ConfigureAwait(false);
                await quarantine.AddAsync(session, row.Id, null, $"processing failed: {ex.GetType().Name}", row.Body, row.ReceivedAt,
                    cancellationToken).ConfigureAwait(false);
            }

            await session.ReleaseAsync("row", cancellationToken).ConfigureAwait(false);
        }

        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = rows[i].Id;
        }

        if (connections.SeparateInbox)
        {
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                await inbox.MarkProcessedAsync(session, ids, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await inbox.MarkProcessedAsync(session, ids, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        feed.Publish(session.Stored);
        return count;
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

    // A row's own fault (a bug, an odd shape) is quarantined; cancellation and a busy or locked store are not the
    // row's fault: they fail the batch, whose rows stay pending and are retried.
    private static bool IsRowFault(Exception ex) => ex is not (OperationCanceledException or DbException { IsTransient: true });

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} failed to process ({Error}); quarantined")]
    private static partial void LogRowFailed(ILogger logger, long inboxId, string error);
}
