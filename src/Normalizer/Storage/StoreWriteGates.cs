namespace Normalizer.Storage;

/// <summary>
/// The write gates of the store's files: <see cref="Inbox"/> for the inbox (the inbox writer, the processor's attempt
/// counts, inbox pruning) and <see cref="Events"/> for everything else (the processor's batches, delivery batches,
/// pruning). With the inbox in a file of its own (<see cref="IStoreConnectionFactory.SeparateInbox"/>) they are two gates,
/// so that a webhook's append never waits for a delivery or processor transaction on the other file; in one file they are
/// the same gate. A store that several hosts share (a database server) needs no turns in the process: both are
/// <see cref="WriteGate.Open"/>.
/// </summary>
public sealed class StoreWriteGates
{
    /// <summary>One gate, or two when the inbox is a file of its own.</summary>
    public StoreWriteGates(IStoreConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        Inbox = connections.Shared ? WriteGate.Open : new WriteGate();
        Events = connections.SeparateInbox ? new WriteGate() : Inbox;
    }

    /// <summary>The inbox's file.</summary>
    public WriteGate Inbox { get; }

    /// <summary>The events' file (the inbox's too when the store is one file).</summary>
    public WriteGate Events { get; }
}
