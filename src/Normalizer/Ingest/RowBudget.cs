namespace Normalizer.Ingest;

/// <summary>One inbox row's bounds (<see cref="InboxOptions"/>): the events it may yield and the time they may take.</summary>
internal sealed class RowBudget(InboxOptions options, TimeProvider time)
{
    private long _started;

    /// <summary>A row yielding <paramref name="events"/> events begins; throws when they are too many.</summary>
    public void Start(int events)
    {
        if (events > options.MaxEventsPerRow)
        {
            throw new RowBudgetExceededException(
                $"the body yields {events} events, more than {InboxOptions.Section}:MaxEventsPerRow ({options.MaxEventsPerRow}); none was stored");
        }

        _started = time.GetTimestamp();
    }

    /// <summary>Throws when the row has taken longer than its time budget.</summary>
    public void Check()
    {
        if (time.GetElapsedTime(_started) > options.RowTimeBudget)
        {
            throw new RowBudgetExceededException(
                $"storing the body's events took longer than {InboxOptions.Section}:RowTimeBudget ({options.RowTimeBudget}); none was stored");
        }
    }
}
