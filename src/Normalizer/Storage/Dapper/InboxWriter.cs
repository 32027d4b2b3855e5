using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normalizer.Health;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// Group commit for the inbox: appends wait in a queue, one writer takes everything queued (up to
/// <see cref="MaxBatch"/>) and commits it in one transaction, then answers every waiter. Durable ingest
/// then costs one commit per batch, not per webhook, while each 200 still follows its own commit.
/// </summary>
internal sealed partial class InboxWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private static readonly string[] InsertParameters = ["@received_at", "@channel", "@verified", "@headers", "@body"];

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IStoreConnectionFactory _connections;
    private readonly WorkSignal _processor;
    private readonly WriteGate _gate;
    private readonly ILogger<InboxWriter> _logger;
    private readonly LoopState _state;
    private readonly Task _loop;
    private string? _insert;

    public InboxWriter(IStoreConnectionFactory connections, [FromKeyedServices(WorkSignal.Inbox)] WorkSignal processor, StoreWriteGates gates,
        BackgroundLoops loops, ILogger<InboxWriter> logger)
    {
        _state = loops[BackgroundLoops.InboxWriter];
        _connections = connections;
        _processor = processor;
        _gate = gates.Inbox;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken)
    {
        // Own a copy: the caller's buffer goes back to its pool when it stops waiting.
        var pending = new Pending(item, item.Body.ToArray());
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
        DbConnection? connection = null;
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
                connection ??= await _connections.OpenInboxAsync(CancellationToken.None).ConfigureAwait(false);
                long[] ids;
                using (await _gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    ids = await WriteAsync(connection, batch).ConfigureAwait(false);
                }

                // The loop's state first: a client answered 200 may ask /readyz at once.
                _state.Succeeded();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(ids[i]);
                }

                _processor.Notify();
            }
            catch (Exception ex)
            {
                _state.Failed(ex);
                LogWriteFailed(_logger, batch.Count, ex);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                connection = await DropAsync(connection).ConfigureAwait(false);
            }

            batch.Clear();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<DbConnection?> DropAsync(DbConnection? connection)
    {
        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogCloseFailed(_logger, ex);
        }

        return null;
    }

    // One statement per group commit, bound by position (IStoreConnectionFactory.InsertEachAsync): no per-row parameter
    // lookup or data reader, and on a database server one round trip for the whole group.
    private async Task<long[]> WriteAsync(DbConnection connection, List<Pending> batch)
    {
        _insert ??= _connections.Dialect.InsertReturning("inbox",
            "received_at, channel, signature_verified, headers, body", "@received_at, @channel, @verified, @headers, @body", "id");
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var ids = await _connections.InsertEachAsync(connection, transaction, _insert, InsertParameters, batch.Count, (insert, i) =>
        {
            var item = batch[i].Item;
            insert.Set(0, item.ReceivedAt.ToUnixTimeMilliseconds());
            insert.Set(1, item.Channel is { } c ? Events.PlatformNames.ToWire(c) : null);
            insert.Set(2, item.SignatureVerified ? 1 : 0);
            insert.Set(3, item.Headers);
            insert.SetBlob(4, batch[i].Body);
        }, CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record Pending(InboxItem Item, byte[] Body)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox write of {Count} webhooks failed; they were answered with an error")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the inbox connection after a failed write failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
