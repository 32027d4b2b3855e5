using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Health;
using Normalizer.Ingest;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// Group commit of webhooks: appends wait in a queue, one writer takes everything queued (up to <see cref="MaxBatch"/>)
/// and stores it in one transaction — each webhook's raw body as an inbox row, and its events (with their conversations
/// and contacts) or its quarantine record — then answers every waiter. Durable ingest thus costs one commit per group
/// and no second pass, while each 200 still follows its own commit. What the writer cannot store at once is left to the
/// <see cref="InboxProcessor"/> as pending rows, committed all the same: a group in which a row threw or went over its
/// budget (the processor sets such a row aside), a webhook that would take its group over <see cref="MaxGroupEvents"/>
/// with the rest of its group, and every webhook while rows wait (<see cref="InboxWriteGate.Backlog"/>), so that events keep arrival order.
/// </summary>
internal sealed partial class InboxWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    /// <summary>
    /// Events one group may store: the webhook that would go over it, and the rest of its group, are left to the processor,
    /// so that a huge body (thousands of status updates) does not hold up the webhooks committed with it.
    /// </summary>
    public const int MaxGroupEvents = 2_000;

    private static readonly string[] InsertParameters = ["@received_at", "@channel", "@verified", "@headers", "@body"];

    private static readonly string[] MarkParameters = ["@at", "@first", "@last"];

    private const string MarkSql = "UPDATE inbox SET processed_at = @at WHERE id >= @first AND id <= @last";

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly InboxRowHandler _handler;
    private readonly EventFeed _feed;
    private readonly WorkSignal _processor;
    private readonly InboxWriteGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxWriter> _logger;
    private readonly LoopState _state;
    private readonly IStoreConnectionFactory _connections;
    private readonly string _insert;
    private readonly Task _loop;
    private DbConnection? _connection;

    public InboxWriter(IServiceScopeFactory scopes, IStoreConnectionFactory connections, InboxRowHandler handler, EventFeed feed,
        [FromKeyedServices(WorkSignal.Inbox)] WorkSignal processor, InboxWriteGate gate, BackgroundLoops loops, TimeProvider time,
        ILogger<InboxWriter> logger)
    {
        _state = loops[BackgroundLoops.InboxWriter];
        _scopes = scopes;
        _connections = connections;
        _handler = handler;
        _feed = feed;
        _processor = processor;
        _gate = gate;
        _time = time;
        _logger = logger;
        _insert = connections.Dialect.InsertReturning("inbox",
            "received_at, channel, signature_verified, headers, body", "@received_at, @channel, @verified, @headers, @body", "id");
        _loop = Task.Run(RunAsync);
    }

    public Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken)
    {
        // Own a copy: the caller's buffer goes back to its pool when it stops waiting. Normalized here, on the caller's
        // thread, so that the writer's turn holds only the store's work (a huge body takes its own request's time).
        var pending = new Pending(item, item.Body.ToArray());
        try
        {
            pending.Outcome = _handler.Normalize(pending.Row(0));
        }
        catch (Exception ex)
        {
            LogNormalizeFailed(_logger, ex); // the processor takes the row and sets it aside
        }

        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(InboxWriter));
        }

        // The write goes on even if the caller gives up: a body handed to the inbox is kept.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            // Whatever fails, the batch's webhooks are answered with the error (not acknowledged) and the loop goes on: a
            // loop that ended would leave every later webhook waiting forever.
            try
            {
                _state.Busy();
                long[] ids;
                using (await _gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    ids = await WriteAsync(batch).ConfigureAwait(false);
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(ids[i]);
                }

                _state.Succeeded();
            }
            catch (Exception ex)
            {
                _state.Failed(ex);
                LogWriteFailed(_logger, batch.Count, ex);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                await DropConnectionAsync().ConfigureAwait(false);
            }

            batch.Clear();
        }

        await DropConnectionAsync().ConfigureAwait(false);
    }

    // After a failure the connection may be in any state: the next group opens a new one.
    private async Task DropConnectionAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogCloseFailed(_logger, ex);
        }

        _connection = null;
    }

    // One transaction: the rows, then (unless rows wait) their events; the statements are prepared once per group and
    // bound by position (IStoreConnectionFactory.Prepare).
    private async Task<long[]> WriteAsync(List<Pending> batch)
    {
        var cancellationToken = CancellationToken.None;
        await using var scope = _scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        _connection ??= await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        session.Borrow(_connection);
        var insert = await session.CommandAsync(_insert, InsertParameters, cancellationToken).ConfigureAwait(false);
        var ids = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i].Item;
            insert.Set(0, item.ReceivedAt.ToUnixTimeMilliseconds());
            insert.Set(1, item.Channel is { } c ? c.ToWire() : null);
            insert.Set(2, item.SignatureVerified ? 1 : 0);
            insert.Set(3, item.Headers);
            insert.SetBlob(4, batch[i].Body);
            ids[i] = await insert.ExecuteInt64Async(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The inbox insert returned no id.");
        }

        if (!_gate.Backlog && await StoreEventsAsync(scope.ServiceProvider, session, batch, ids).ConfigureAwait(false) < batch.Count)
        {
            _gate.Backlog = true;
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        _feed.Publish(session.Stored);
        if (_gate.Backlog)
        {
            _processor.Notify();
        }

        return ids;
    }

    // Stores the events of a prefix of the group and marks those rows processed; returns its length. Nothing of it stays
    // when a row throws: the whole group is then left to the processor, which takes it row by row.
    private async Task<int> StoreEventsAsync(IServiceProvider services, StoreSession session, List<Pending> batch, long[] ids)
    {
        var cancellationToken = CancellationToken.None;
        var pipeline = services.GetRequiredService<EventPipeline>();
        var budget = _handler.NewBudget();
        var mark = await session.SaveAsync("events", cancellationToken).ConfigureAwait(false);
        var (done, events) = (0, 0);
        try
        {
            for (; done < batch.Count; done++)
            {
                var outcome = batch[done].Outcome ?? throw new InvalidOperationException("the body could not be normalized");
                events += outcome.Events.Count;
                if (events > MaxGroupEvents)
                {
                    break;
                }

                await _handler.ProcessAsync(batch[done].Row(ids[done]), outcome, session, pipeline, budget, cancellationToken).ConfigureAwait(false);
            }

            if (done > 0)
            {
                var processed = await session.CommandAsync(MarkSql, MarkParameters, cancellationToken).ConfigureAwait(false);
                processed.Set(0, _time.GetUtcNow().ToUnixTimeMilliseconds());
                processed.Set(1, ids[0]);
                processed.Set(2, ids[done - 1]);
                await processed.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogLeftToProcessor(_logger, ids[Math.Min(done, ids.Length - 1)], ex);
            await session.RollbackToAsync("events", mark, cancellationToken).ConfigureAwait(false);
            done = 0;
        }

        await session.ReleaseAsync("events", cancellationToken).ConfigureAwait(false);
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record Pending(InboxItem Item, byte[] Body)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NormalizeOutcome? Outcome { get; set; }

        public InboxRow Row(long id) => new()
        {
            Id = id,
            ReceivedAt = Item.ReceivedAt.ToUnixTimeMilliseconds(),
            Channel = Item.Channel?.ToWire(),
            SignatureVerified = Item.SignatureVerified,
            Body = Body,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox write of {Count} webhooks failed; they were answered with an error")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the inbox writer's connection after a failed write failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Normalizing a webhook failed; it is left to the inbox processor")]
    private static partial void LogNormalizeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the events of inbox row {InboxId} failed; its group is left to the inbox processor")]
    private static partial void LogLeftToProcessor(ILogger logger, long inboxId, Exception exception);
}
