using Normalizer.Host.Storage.Providers;

namespace Normalizer.Storage.Tests;

public sealed class WriteGateTests
{
    [Fact]
    public async Task Gate_ASecondWriter_WaitsForTheTurn_AndTheHolderSeesItWaiting()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync(default);

        var second = gate.EnterAsync(default).AsTask();
        await Task.Delay(50);
        var waitedWhileHeld = !second.IsCompleted;
        var contended = gate.Contended;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waitedWhileHeld);
        Assert.True(contended);
        Assert.False(gate.Contended);
    }

    [Fact]
    public async Task Gate_AThreadThatWaitsOnItself_GoesOnOnThatThreadAfterTheTurn()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(default);
        int? before = null, after = null;
        var thread = new Thread(() =>
        {
            WriteGate.WaitOnThisThread();
            WorkAsync().GetAwaiter().GetResult();
        });

        thread.Start();
        while (!gate.Contended)
        {
            await Task.Delay(5);
        }

        await Task.Delay(50); // still waiting, on its own thread
        held.Dispose();
        thread.Join();

        Assert.NotNull(before);
        Assert.Equal(before, after);
        Assert.False(gate.Contended);
        return;

        async Task WorkAsync()
        {
            before = Environment.CurrentManagedThreadId;
            using (await gate.EnterAsync(default).ConfigureAwait(false))
            {
                after = Environment.CurrentManagedThreadId;
            }
        }
    }

    [Fact]
    public async Task Open_LetsEveryWriterIn_AtOnce()
    {
        var first = await WriteGate.Open.EnterAsync(default);
        var second = WriteGate.Open.EnterAsync(default);

        Assert.True(second.IsCompleted);
        Assert.False(WriteGate.Open.Contended);
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task StoreWriteGates_OnADatabaseServer_AreOpen()
    {
        await using var postgres = new PostgresConnectionFactory("Host=127.0.0.1;Database=unused");

        var gates = new StoreWriteGates(postgres);

        Assert.Same(WriteGate.Open, gates.Inbox);
        Assert.Same(WriteGate.Open, gates.Events);
    }
}
