namespace Normalizer.Delivery;

/// <summary>One batch of a stream: read after the lowest cursor held, POST by conversation, write once.</summary>
internal sealed partial class SubscriptionWorker
{
    // Pipelined: the next batch is read while this one is POSTed, and this one's write goes while the next one is POSTed
    // (the writes stay in order).
    private async Task<bool> DeliverBatchAsync(int id, Stream stream, CancellationToken cancellationToken)
    {
        var after = stream.Cursors.Values.Min();
        if (stream.End is { } end && after >= end)
        {
            await stream.FlushAsync().ConfigureAwait(false);
            _streams.Remove(id);
            return false;
        }

        var events = stream.Prefetch is { } prefetch && stream.PrefetchAfter == after
            ? await prefetch.ConfigureAwait(false)
            : await store.ReadAsync(subscription, after, stream.End, options.BatchSize, cancellationToken).ConfigureAwait(false);
        stream.Prefetch = null;
        if (events.Count == 0 && stream.End is null)
        {
            await stream.FlushAsync().ConfigureAwait(false);
            return false;
        }

        // A replayed range is done to its end once a short batch was read (the rest of it holds nothing for the filter).
        var upTo = events.Count < options.BatchSize && stream.End is { } last ? last : events[^1].Seq;
        if (events.Count == options.BatchSize)
        {
            stream.PrefetchAfter = upTo;
            // On its own thread: the SQLite provider reads synchronously inside its async methods.
            stream.Prefetch = Task.Run(() => store.ReadAsync(subscription, upTo, stream.End, options.BatchSize, cancellationToken), cancellationToken);
        }

        var batch = new DeliveryBatch(subscription.Id, owner);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parkedNow = new List<ParkedConversation>();
        var chains = new List<Task>();
        lock (_gate)
        {
            foreach (var conversation in ByConversation(events, stream))
            {
                var partition = conversation.Partition;
                if (_parked.TryGetValue(conversation.Key, out var parked))
                {
                    // Behind the conversation's failed delivery: stored as waiting, sent once it is through.
                    foreach (var evt in conversation.Events)
                    {
                        var waiting = new ParkedDelivery(id, evt, 0, time.GetUtcNow(), committed.Task);
                        parked.Queue.Enqueue(waiting);
                        batch.Retries.Add((partition, waiting.ToRow()));
                    }
                }
                else
                {
                    chains.Add(DeliverConversationAsync(id, conversation, batch, parkedNow, committed.Task, cancellationToken));
                }
            }
        }

        await Task.WhenAll(chains).ConfigureAwait(false);
        batch.Cursors.Add((id, [.. stream.Cursors.Keys], upTo));
        // At most two batches unwritten at once (this one, and the one before while it is written): a crash sends at most
        // 2 × BatchSize events again.
        await stream.Commit.ConfigureAwait(false);
        stream.Commit = Task.Run(() => CommitAsync(batch, committed, cancellationToken), CancellationToken.None);
        foreach (var partition in stream.Cursors.Keys)
        {
            stream.Cursors[partition] = Math.Max(stream.Cursors[partition], upTo);
        }

        lock (_gate)
        {
            foreach (var parked in parkedNow)
            {
                _retries.Add(RetryAsync(parked, _session!.Token));
            }
        }

        return true;
    }

    private async Task CommitAsync(DeliveryBatch batch, TaskCompletionSource committed, CancellationToken cancellationToken)
    {
        try
        {
            await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            committed.SetResult();
        }
        catch (Exception ex)
        {
            committed.TrySetException(ex);
            throw;
        }
    }

    // The batch's events of the partitions held and not yet done, by conversation, in log order.
    private List<Conversation> ByConversation(IReadOnlyList<LogEvent> events, Stream stream)
    {
        var conversations = new Dictionary<string, Conversation>(StringComparer.Ordinal);
        var ordered = new List<Conversation>();
        foreach (var evt in events)
        {
            var key = evt.ConversationKey;
            if (!conversations.TryGetValue(key, out var conversation))
            {
                var partition = ConversationPartition.Of(key, _partitions);
                conversation = new Conversation(key, partition, []);
                conversations.Add(key, conversation);
                ordered.Add(conversation);
            }

            if (stream.Cursors.TryGetValue(conversation.Partition, out var cursor) && evt.Seq > cursor)
            {
                conversation.Events.Add(evt);
            }
        }

        return ordered.Where(c => c.Events.Count > 0).ToList();
    }

    // One conversation's events of the batch, one after the other; the first failure parks the rest.
    private async Task DeliverConversationAsync(int stream, Conversation conversation, DeliveryBatch batch, List<ParkedConversation> parkedNow,
        Task committed, CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var i = 0; i < conversation.Events.Count; i++)
        {
            var evt = conversation.Events[i];
            var attempt = await PostAsync(evt, 1, cancellationToken).ConfigureAwait(false);
            var delivered = attempt.Delivered;
            lock (_gate)
            {
                batch.Attempts.Add((evt, attempt));
            }

            if (delivered)
            {
                LogDelivered(logger, evt.Id, subscription.Id, 1);
                continue;
            }

            LogAttemptFailed(logger, evt.Id, subscription.Id, 1, attempt.StatusCode, attempt.Error);
            if (options.MaxAttempts <= 1)
            {
                LogDead(logger, evt.Id, subscription.Id, 1);
                metrics.DeadLettered();
                continue;
            }

            var parked = new ParkedConversation(conversation.Key, conversation.Partition);
            parked.Queue.Enqueue(new ParkedDelivery(stream, evt, 1, time.GetUtcNow() + Backoff.After(1, options), committed));
            foreach (var later in conversation.Events.Skip(i + 1))
            {
                parked.Queue.Enqueue(new ParkedDelivery(stream, later, 0, time.GetUtcNow(), committed));
            }

            lock (_gate)
            {
                batch.Retries.AddRange(parked.Queue.Select(p => (conversation.Partition, p.ToRow())));
                _parked[conversation.Key] = parked;
                parkedNow.Add(parked);
            }

            return;
        }
    }

    private async Task<DeliveryAttempt> PostAsync(LogEvent evt, int attempt, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await poster.PostAsync(subscription, evt, attempt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private sealed record Conversation(string Key, int Partition, List<LogEvent> Events);
}
