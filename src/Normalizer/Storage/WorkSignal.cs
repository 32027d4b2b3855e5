using System.Threading.Channels;

namespace Normalizer.Storage;

/// <summary>A wake-up call for a background worker: many notifications while it works collapse into one.</summary>
public sealed class WorkSignal
{
    /// <summary>Key of the signal that wakes the inbox processor.</summary>
    public const string Inbox = "inbox";

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Says there is work.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timed out: poll anyway
        }
    }
}
