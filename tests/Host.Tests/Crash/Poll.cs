namespace Normalizer.Host.Tests.Crash;

/// <summary>Waits for a condition by asking again every 50 ms, until the test's overall budget runs out.</summary>
internal static class Poll
{
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition, string what, Func<string> state, CancellationToken cancellationToken)
    {
        try
        {
            while (!await condition(cancellationToken))
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out waiting until {what}; {state()}");
        }
    }
}
