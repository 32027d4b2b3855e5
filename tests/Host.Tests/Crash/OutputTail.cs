namespace Normalizer.Host.Tests.Crash;

/// <summary>The last lines a child process wrote, kept for failure messages (older lines are dropped).</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }
}
