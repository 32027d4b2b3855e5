using Microsoft.Playwright;

namespace Normalizer.WebConsole.Tests;

/// <summary>
/// The host and Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>) driven by Playwright, headless and
/// without the sandbox; the package's own browser download is not used. Screenshots go to <see cref="Screenshots"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ConsoleHost Host { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    /// <summary><c>TestResults/console</c> in the test project's folder (<c>CONSOLE_SCREENSHOTS</c> overrides).</summary>
    public static string Screenshots { get; } = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Normalizer.Testing.RepoPaths.Root, "tests", "Console.Tests", "TestResults", "console");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {chromium}: the console's browser tests need it (Debian: apt-get install -y chromium; .ci/run installs it).");
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
