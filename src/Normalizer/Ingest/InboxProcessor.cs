using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>
/// Turns inbox rows into events, in arrival order, one batch per transaction. A row that cannot be normalized, or some
/// of whose events fail validation, goes to quarantine with the reason (one record per row, the body once); it never
/// blocks the rows behind it. Each row's work is bounded (<see cref="InboxOptions"/>): its events in number and time,
/// and the times it may be begun without being finished. Rows are marked processed in the same transaction as their
/// events (on SQLite the inbox's progress, kept beside the events even when the inbox is a file of its own, which the
/// processor then never writes), and events are idempotent by id, so a crash at any point neither loses nor doubles
/// anything. For the same reason its commits need not wait for stable storage (<see cref="StoreSession.DeferSync"/>): a
/// batch undone by a power loss takes its marks with it, and its rows are processed again. Webhooks are appended by the
/// inbox writer, whose commits do wait (durable before 200).
/// </summary>
public sealed partial class InboxProcessor(
    IServiceScopeFactory scopes, IInbox inbox, IQuarantine quarantine, WebhookNormalizer normalizer, EventFeed feed,
    StoreWriteGates gates, IStoreConnectionFactory connections, IOptionsMonitor<InboxOptions> options, BackgroundLoops loops, IngestMetrics metrics,
    TimeProvider time, ILogger<InboxProcessor> logger)
{
    /// <summary>
    /// Rows per batch, at most. A batch is one transaction, and its rows' events and conversations share the index pages
    /// they touch: when the inbox has a backlog, larger batches write fewer pages per event.
    /// </summary>
    public const int BatchSize = 1024;

    /// <summary>Body bytes per batch: a batch ends with the row whose body reaches it (at least one row).</summary>
    public const long BatchBytes = 16 * 1024 * 1024;

    /// <summary>
    /// How long a batch goes on while the inbox writer waits for its turn (<see cref="WriteGate.Contended"/>), with the inbox
    /// in the events' file (in memory): the batch then commits what it has done and leaves the rest for the next one. A
    /// webhook's 200 waits for the processor's turn, so this bounds the ingest latency under load; without ingest, batches
    /// stay full.
    /// </summary>
    public static readonly TimeSpan ContendedTurn = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// The same with the inbox in a file of its own, for the other writers of the events' file (delivery, the API): no
    /// webhook waits for them, but a batch that holds the turn runs at a lower priority than ingest and may take long.
    /// </summary>
    public static readonly TimeSpan ContendedTurnOthers = TimeSpan.FromMilliseconds(20);

    private readonly LoopState _state = loops[BackgroundLoops.InboxWorker];

    // Rows a batch without savepoints found at fault: the batch is done again with savepoints, and these go to
    // quarantine at once instead of being processed a second time (a row over its time budget would take it twice).
    private readonly Dictionary<long, string> _faults = [];

    // Rows still to be processed with their attempts counted: after a start (the last process may have stopped on one of
    // them) and after a batch failed on something other than a busy store (CountedAsync).
    private int _carefulRows = BatchSize;

    /// <summary>
    /// Whether the last batch took every row that was pending when it began (fewer than a batch in rows and bytes, all processed): a worker
    /// then waits for the writer's next signal instead of reading the inbox once more to find it empty.
    /// </summary>
    public bool Drained { get; private set; }

    /// <summary>Processes the next batch; returns the number of inbox rows processed (0 when the inbox is empty).</summary>
    public async Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken)
    {
        Drained = false;
        var rows = await inbox.ReadPendingAsync(BatchSize, BatchBytes, cancellationToken).ConfigureAwait(false);
        metrics.OldestPending(rows.Count == 0 ? null : rows[0].ReceivedAt);
        if (rows.Count == 0)
        {
            _carefulRows = 0;
            Drained = true;
            return 0;
        }

        int done;
        try
        {
            done = _carefulRows > 0
                ? await CountedAsync(rows, cancellationToken).ConfigureAwait(false)
                : await ProcessBatchAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsTransient(ex))
        {
            _carefulRows = BatchSize;
            throw;
        }
        finally
        {
            _faults.Clear();
        }

        _carefulRows = Math.Max(0, _carefulRows - done);
        Drained = rows.Count < BatchSize && rows.Sum(r => (long)r.Body.Length) < BatchBytes && done == rows.Count;
        if (Drained)
        {
            metrics.OldestPending(null); // as a read that found the inbox empty would say; a webhook since then wakes the worker
        }

        return done;
    }

    // Counts the attempt (committed first), then processes. A batch none of whose rows was begun before is processed
    // whole. Once rows were begun without being finished (the process stopped on one of them), they are taken one at a
    // time, so that the row at fault is the one whose count grows, and after MaxAttempts it is set aside.
    private async Task<int> CountedAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        if (rows[0].Attempts >= options.CurrentValue.MaxAttempts)
        {
            return await GiveUpAsync(rows[0], cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<InboxRow> begun = rows.Any(r => r.Attempts > 0) ? [rows[0]] : rows;
        using (await gates.Inbox.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await inbox.CountAttemptAsync(begun[0].Id, begun[^1].Id, cancellationToken).ConfigureAwait(false);
        }

        return await ProcessBatchAsync(begun, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ProcessBatchAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        // Writes take turns with the other writers of the events' file (delivery; the inbox writer too when the store is
        // one file): webhooks wait for one turn at most. A separate inbox file is not written here (its progress is kept
        // beside the events).
        using var turn = await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false);

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
        // A commit lost on power loss takes its marks (the inbox's progress, beside the events) with it: its rows are
        // processed again.
        session.DeferSync = true;
        session.DefersAppends = true; // only quarantine looks at an event's answer, and a rejected one is answered at once
        if (connections.Shared)
        {
            // Hosts take turns at the log lock for a whole batch; rows another host processed meanwhile are read no more.
            await session.LockLogAsync(cancellationToken).ConfigureAwait(false);
            rows = await inbox.ReadPendingAsync(session, rows.Count, BatchBytes, cancellationToken).ConfigureAwait(false);
        }

        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        var budget = new RowBudget(options.CurrentValue, time);
        var started = Stopwatch.GetTimestamp();
        var turn = connections.SeparateInbox ? ContendedTurnOthers : ContendedTurn;
        var count = 0;
        foreach (var row in rows)
        {
            if (count > 0 && gates.Events.Contended && Stopwatch.GetElapsedTime(started) >= turn)
            {
                break;
            }

            count++;
            _state.Busy();
            if (!savepoints)
            {
                try
                {
                    await ProcessRowAsync(row, session, pipeline, budget, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsRowFault(ex))
                {
                    _faults[row.Id] = Describe(row.Id, ex);
                    return -1; // disposing the scope rolls the session back
                }

                continue;
            }

            if (_faults.Remove(row.Id, out var fault))
            {
                await quarantine.AddAsync(session, row.Id, null, fault, row.Body, row.ReceivedAt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var mark = await session.SaveAsync("row", cancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessRowAsync(row, session, pipeline, budget, cancellationToken).ConfigureAwait(false);
                await session.FlushAsync(cancellationToken).ConfigureAwait(false); // the row's kept statements fail as the row's
            }
            catch (Exception ex) when (IsRowFault(ex))
            {
                // A bug or an odd shape must not stall the inbox: undo this row's work and keep it aside.
                var reason = Describe(row.Id, ex);
                await session.RollbackToAsync("row", mark, cancellationToken).ConfigureAwait(false);
                await quarantine.AddAsync(session, row.Id, null, reason, row.Body, row.ReceivedAt, cancellationToken).ConfigureAwait(false);
            }

            await session.ReleaseAsync("row", cancellationToken).ConfigureAwait(false);
        }

        if (!savepoints)
        {
            try
            {
                await session.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRowFault(ex))
            {
                return -1; // a row's kept statement failed: again with savepoints, which tell which row
            }
        }

        await CommitAsync(session, rows, count, cancellationToken).ConfigureAwait(false);
        return count;
    }

    // Quarantines a row that was begun too often without being finished, and marks it processed.
    private async Task<int> GiveUpAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts;
        LogGaveUp(logger, row.Id, attempts);
        using var turn = await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        await quarantine.AddAsync(session, row.Id, null,
            $"processing was begun {attempts} times and never finished (the process stopped or the batch failed each time); " +
            $"set aside after {InboxOptions.Section}:MaxAttempts", row.Body, row.ReceivedAt, cancellationToken).ConfigureAwait(false);
        await CommitAsync(session, [row], 1, cancellationToken).ConfigureAwait(false);
        return 1;
    }

    // Marks the first count rows processed and commits them with the session's events, in one transaction.
    private async Task CommitAsync(StoreSession session, IReadOnlyList<InboxRow> rows, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = rows[i].Id;
        }

        await inbox.MarkProcessedAsync(session, ids, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        metrics.Stored(session.Stored);
        feed.Publish(session.Stored);
    }

    private async Task ProcessRowAsync(InboxRow row, StoreSession session, EventPipeline pipeline, RowBudget budget,
        CancellationToken cancellationToken)
    {
        Platform? pinned = PlatformNames.TryParse(row.Channel, out var p) ? p : null;
        var context = new WebhookContext(DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt), row.SignatureVerified);
        var outcome = normalizer.Normalize(row.Body, context, pinned);
        if (outcome.Error is { } error)
        {
            await quarantine.AddAsync(session, row.Id, null, error.Message, row.Body, row.ReceivedAt, cancellationToken).ConfigureAwait(false);
            return;
        }

        budget.Start(outcome.Events.Count);
        session.InboxId = row.Id;
        RejectedEvents? rejected = null;
        foreach (var evt in outcome.Events)
        {
            budget.Check();
            var result = await pipeline.ProcessAsync(evt, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == ProcessEventOutcome.Rejected)
            {
                (rejected ??= new RejectedEvents()).Add(evt.Id, result.Reasons);
            }
        }

        if (rejected is not null)
        {
            await quarantine.AddAsync(session, row.Id, rejected.FirstId, rejected.Describe(outcome.Events.Count), row.Body, row.ReceivedAt,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private string Describe(long inboxId, Exception ex)
    {
        if (ex is RowBudgetExceededException budget)
        {
            LogOverBudget(logger, inboxId, budget.Message);
            return budget.Message;
        }

        LogRowFailed(logger, inboxId, ex);
        return $"processing failed: {ex.GetType().Name}";
    }

    // A row's own fault (a bug, an odd shape, its budget) is quarantined; cancellation and a busy or locked store are
    // not the row's fault: they fail the batch, whose rows stay pending and are retried.
    private static bool IsRowFault(Exception ex) => !IsTransient(ex);

    private static bool IsTransient(Exception ex) => ex is OperationCanceledException or DbException { IsTransient: true };

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} failed to process; quarantined")]
    private static partial void LogRowFailed(ILogger logger, long inboxId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId} quarantined: {Reason}")]
    private static partial void LogOverBudget(ILogger logger, long inboxId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} was begun {Attempts} times and never finished; quarantined")]
    private static partial void LogGaveUp(ILogger logger, long inboxId, int attempts);
}
