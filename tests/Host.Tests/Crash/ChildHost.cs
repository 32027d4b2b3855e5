using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// The built host run as a child process: <c>Normalizer.Host.dll</c> beside the test assembly (the project reference copies
/// it there with its runtimeconfig and deps files) started with the same <c>dotnet</c> that runs the tests. Kestrel binds
/// 127.0.0.1 port 0 and the chosen address is read back from its "Now listening on" line, so no port can be taken in between.
/// stdout and stderr are read continuously (the child never blocks on a full pipe) and their last lines kept for failure messages.
/// </summary>
internal sealed partial class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildHost(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public OutputTail Output { get; } = new(200);

    public bool HasExited => _process.HasExited;

    // Logging of every child host unless its settings say otherwise: warnings and the start-up lines (which tell its
    // address), one line each.
    private static readonly Dictionary<string, string> QuietLogging = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    };

    /// <summary>A client for the host's webhook endpoint, as Meta would call it.</summary>
    public HttpClient MetaClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host with <paramref name="settings"/> as environment variables and waits until it listens.</summary>
    public static async Task<ChildHost> StartAsync(
        string name, string workingDirectory, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Normalizer.Host.dll");
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{dll} (and its runtimeconfig.json) not found: the test project must reference src/Host");
        }

        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        // Only what is given here configures the child: nothing inherited from the test run's environment.
        foreach (var key in start.Environment.Keys.Where(IsInheritedSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in QuietLogging.Concat(settings))
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new ChildHost(name, process);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._listening.TrySetException(
            new InvalidOperationException($"host {name} exited before listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            host.BaseAddress = await host._listening.Task.WaitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            var output = host.Output.ToString();
            await host.DisposeAsync();
            throw new InvalidOperationException($"host {name} did not start listening: {ex.Message}\n{output}", ex);
        }

        return host;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown code runs, nothing is flushed.</summary>
    public void Kill() => _process.Kill();

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // never started, or already gone
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Add(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    // The dotnet that runs the tests: the SDK names it in DOTNET_HOST_PATH; the test host itself usually is dotnet.
    private static string DotnetPath()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static bool IsInheritedSetting(string key) =>
        key.StartsWith("Normalizer__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key is "DOTNET_ENVIRONMENT" or "DOTNET_URLS";

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
