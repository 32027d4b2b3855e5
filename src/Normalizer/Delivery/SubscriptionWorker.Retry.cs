using Microsoft.Extensions.Logging;

namespace Normalizer.Delivery;

/// <summary>
/// Parked conversations: the first delivery is retried after an exponential backoff on the injected clock, its attempt and
/// next time stored before each wait (a restart resumes from them); once it is delivered or dead, the next one waiting goes
/// at once, and the conversation is released when none is left.
/// </summary>
internal sealed partial class SubscriptionWorker
{
    private async Task ResumeParkedAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ReadParkedAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                var key = row.Event.ConversationKey;
                var partition = ConversationPartition.Of(key, _partitions);
                if (!_held.Contains(partition))
                {
                    continue;
                }

                if (!_parked.TryGetValue(key, out var parked))
                {
                    parked = new ParkedConversation(key, partition);
                    _parked.Add(key, parked);
                }

                parked.Queue.Enqueue(new ParkedDelivery(row.Stream, row.Event, row.Attempts, row.NextAt, Task.CompletedTask));
            }

            foreach (var parked in _parked.Values)
            {
                _retries.Add(RetryAsync(parked, cancellationToken));
            }
        }
    }

    private async Task RetryAsync(ParkedConversation parked, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                ParkedDelivery head;
                lock (_gate)
                {
                    head = parked.Queue.Peek();
                }

                await head.Committed.WaitAsync(cancellationToken).ConfigureAwait(false);
                var wait = head.NextAt - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }

                var attempt = await PostAsync(head.Event, head.Attempts + 1, cancellationToken).ConfigureAwait(false);
                var batch = new DeliveryBatch(subscription.Id, owner);
                batch.Attempts.Add((head.Event, attempt));
                var done = true;
                if (attempt.Delivered)
                {
                    LogDelivered(logger, head.Event.Id, subscription.Id, attempt.Attempt);
                }
                else
                {
                    LogAttemptFailed(logger, head.Event.Id, subscription.Id, attempt.Attempt, attempt.StatusCode, attempt.Error);
                    if (attempt.Attempt >= options.MaxAttempts)
                    {
                        LogDead(logger, head.Event.Id, subscription.Id, attempt.Attempt);
                        metrics.DeadLettered();
                    }
                    else
                    {
                        done = false;
                        head.Attempts = attempt.Attempt;
                        head.NextAt = time.GetUtcNow() + Backoff.After(attempt.Attempt, options);
                        batch.Retries.Add((parked.Partition, head.ToRow()));
                    }
                }

                if (done)
                {
                    batch.Released.Add((head.Stream, head.Event.Seq));
                }

                await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                if (done)
                {
                    lock (_gate)
                    {
                        parked.Queue.Dequeue();
                        if (parked.Queue.Count == 0)
                        {
                            _parked.Remove(parked.Key);
                            return;
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping, or the session ended: the retry rows stay, and the next session resumes them
        }
        catch (Exception ex)
        {
            state.Failed(ex);
            LogRetryFailed(logger, subscription.Id, ex);
            Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} delivered to subscription {SubscriptionId} on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string eventId, string subscriptionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} to subscription {SubscriptionId} failed attempt {Attempt} (status {StatusCode}, {Error})")]
    private static partial void LogAttemptFailed(ILogger logger, string eventId, string subscriptionId, int attempt, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} to subscription {SubscriptionId} is dead after {Attempts} attempt(s)")]
    private static partial void LogDead(ILogger logger, string eventId, string subscriptionId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery to subscription {SubscriptionId} failed; it starts again from its cursors")]
    private static partial void LogSessionFailed(ILogger logger, string subscriptionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A retry of subscription {SubscriptionId} failed; its deliveries start again from the store")]
    private static partial void LogRetryFailed(ILogger logger, string subscriptionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The leases of subscription {SubscriptionId} were not handed back; they expire")]
    private static partial void LogReleaseFailed(ILogger logger, string subscriptionId, Exception exception);
}
