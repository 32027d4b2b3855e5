using System.Runtime.InteropServices;

namespace Normalizer.Host.Workers;

/// <summary>
/// Lowers the scheduling priority of the calling thread (Linux <c>nice</c>): it then gets the CPU the webhook path leaves
/// and only a small share when both compete. Elsewhere nothing changes.
/// </summary>
internal static class BackgroundPriority
{
    /// <summary>The nice value given (0 is normal, 19 the lowest): about a tenth of a normal thread's share under contention.</summary>
    public const int Nice = 10;

    private const int PrioProcess = 0;

    /// <summary>
    /// Lowers the calling thread; false when the platform has no per-thread nice, refuses, or its C library cannot be
    /// loaded: the priority is a nicety, never a reason for the worker not to run.
    /// </summary>
    public static bool TryLowerCurrentThread()
    {
        try
        {
            return OperatingSystem.IsLinux() && SetPriority(PrioProcess, GetTid(), Nice) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's nice value (Linux), else null.</summary>
    public static int? CurrentThreadNice() => OperatingSystem.IsLinux() ? GetPriority(PrioProcess, GetTid()) : null;

    // On Linux, PRIO_PROCESS with a thread id applies to that thread alone.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
}
