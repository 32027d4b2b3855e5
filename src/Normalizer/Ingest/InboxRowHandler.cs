using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>
/// Turns one inbox row into events in a <see cref="StoreSession"/>: normalizes the body and runs each event through the
/// pipeline, within the row's <see cref="InboxOptions"/> budget. A body that cannot be normalized, or some of whose events
/// fail validation, goes to quarantine (one record per row, the body once). Used by the inbox writer for the webhooks of
/// its group commit and by the <see cref="InboxProcessor"/> for rows left pending.
/// </summary>
public sealed class InboxRowHandler(IQuarantine quarantine, WebhookNormalizer normalizer, IOptionsMonitor<InboxOptions> options, TimeProvider time)
{
    /// <summary>A budget for the rows of one batch (each row restarts its clock).</summary>
    internal RowBudget NewBudget() => new(options.CurrentValue, time);

    /// <summary>The events of <paramref name="row"/>'s body (they point into it), or why there are none.</summary>
    public NormalizeOutcome Normalize(InboxRow row)
    {
        Platform? pinned = PlatformNames.TryParse(row.Channel, out var p) ? p : null;
        var context = new WebhookContext(DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt), row.SignatureVerified);
        return normalizer.Normalize(row.Body, context, pinned);
    }

    /// <summary>Normalizes and processes <paramref name="row"/>; throws <see cref="RowBudgetExceededException"/> when it is over its budget.</summary>
    internal Task ProcessAsync(InboxRow row, StoreSession session, EventPipeline pipeline, RowBudget budget, CancellationToken cancellationToken) =>
        ProcessAsync(row, Normalize(row), session, pipeline, budget, cancellationToken);

    /// <summary>Processes <paramref name="row"/> normalized as <paramref name="outcome"/>.</summary>
    internal async Task ProcessAsync(InboxRow row, NormalizeOutcome outcome, StoreSession session, EventPipeline pipeline, RowBudget budget,
        CancellationToken cancellationToken)
    {
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
}
