using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Storage;
using Polly;
using Polly.Retry;

namespace Normalizer.Delivery;

/// <summary>
/// Takes one delivery to its end: attempts under a Polly retry pipeline (exponential backoff with jitter,
/// <see cref="TimeProvider"/> from DI) until delivered or <see cref="DeliveryOptions.MaxAttempts"/> are spent,
/// then dead letter. Each attempt is recorded, and the next attempt's time is stored before waiting, so a
/// restart resumes where it stopped (at-least-once: the same <c>webhook-id</c> may arrive again).
/// </summary>
internal sealed partial class DeliveryRunner
{
    private static readonly ResiliencePropertyKey<State> StateKey = new("Normalizer.Delivery.State");

    private readonly IDeliveryStore _store;
    private readonly SubscriptionCache _subscriptions;
    private readonly WebhookPoster _poster;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryRunner> _logger;
    private readonly int _maxAttempts;
    private readonly ResiliencePipeline<AttemptResult> _pipeline;

    public DeliveryRunner(IDeliveryStore store, SubscriptionCache subscriptions, WebhookPoster poster, IOptions<DeliveryOptions> options,
        TimeProvider time, ILogger<DeliveryRunner> logger)
    {
        _store = store;
        _subscriptions = subscriptions;
        _poster = poster;
        _time = time;
        _logger = logger;
        _maxAttempts = options.Value.MaxAttempts;
        _pipeline = BuildPipeline(options.Value);
    }

    /// <summary>Runs the delivery; true when it reached an end (delivered or dead), false when stopped or failed unexpectedly.</summary>
    public async Task<bool> RunAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var state = new State(delivery);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            var result = state.Attempts < _maxAttempts
                ? await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false)
                : AttemptResult.Failed;
            if (result == AttemptResult.Failed)
            {
                await _store.MarkDeadAsync(delivery.Id, cancellationToken).ConfigureAwait(false);
                LogDead(_logger, delivery.Id, delivery.EventId, delivery.SubscriptionId, state.Attempts);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // The store failed: the delivery stays pending and is picked up again.
            LogRunFailed(_logger, delivery.Id, ex);
            return false;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<AttemptResult> AttemptAsync(ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        var delivery = state.Delivery;
        var cancellationToken = context.CancellationToken;
        var subscription = _subscriptions.All.FirstOrDefault(s => string.Equals(s.Id, delivery.SubscriptionId, StringComparison.Ordinal));
        if (subscription is null)
        {
            await _store.MarkDeadAsync(delivery.Id, cancellationToken).ConfigureAwait(false);
            LogSubscriptionGone(_logger, delivery.Id, delivery.SubscriptionId);
            return AttemptResult.Gone;
        }

        var attempt = await _poster.PostAsync(subscription, delivery, state.Attempts + 1, cancellationToken).ConfigureAwait(false);
        var delivered = attempt.StatusCode is >= 200 and <= 299;
        await _store.RecordAttemptAsync(delivery.Id, attempt, delivered, cancellationToken).ConfigureAwait(false);
        state.Attempts = attempt.Attempt;
        if (delivered)
        {
            LogDelivered(_logger, delivery.Id, delivery.EventId, delivery.SubscriptionId, attempt.Attempt);
            return AttemptResult.Delivered;
        }

        LogAttemptFailed(_logger, delivery.Id, delivery.EventId, delivery.SubscriptionId, attempt.Attempt, attempt.StatusCode, attempt.Error);
        return AttemptResult.Failed;
    }

    private ResiliencePipeline<AttemptResult> BuildPipeline(DeliveryOptions options)
    {
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline<AttemptResult>.Empty;
        }

        return new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                // Attempts made before a restart count too: the state, not Polly's counter, says when to stop.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result == AttemptResult.Failed && args.Context.Properties.GetValue(StateKey, null!).Attempts < _maxAttempts),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args => new ValueTask(_store.ScheduleAsync(
                    args.Context.Properties.GetValue(StateKey, null!).Delivery.Id, _time.GetUtcNow() + args.RetryDelay, args.Context.CancellationToken)),
            })
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} of {EventId} to subscription {SubscriptionId} delivered on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, long deliveryId, string eventId, string subscriptionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of {EventId} to subscription {SubscriptionId} failed attempt {Attempt} (status {StatusCode}, {Error})")]
    private static partial void LogAttemptFailed(ILogger logger, long deliveryId, string eventId, string subscriptionId, int attempt, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} of {EventId} to subscription {SubscriptionId} is dead after {Attempts} attempt(s)")]
    private static partial void LogDead(ILogger logger, long deliveryId, string eventId, string subscriptionId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} dropped: subscription {SubscriptionId} was deleted")]
    private static partial void LogSubscriptionGone(ILogger logger, long deliveryId, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} interrupted; it stays pending")]
    private static partial void LogRunFailed(ILogger logger, long deliveryId, Exception exception);

    private sealed class State(DueDelivery delivery)
    {
        public DueDelivery Delivery { get; } = delivery;

        public int Attempts { get; set; } = delivery.Attempts;
    }
}
