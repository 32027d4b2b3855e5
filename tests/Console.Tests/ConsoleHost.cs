using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Normalizer.WebConsole.Tests;

/// <summary>The real host on Kestrel at a free loopback port, over SQLite in a temp directory, for a browser to open.</summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    public const string AppSecret = "console-app-secret-4e1a";
    public const string ApiKey = "console-api-key-93b2";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "normalizer-console-tests", Guid.NewGuid().ToString("N"));

    public ConsoleHost()
    {
        Directory.CreateDirectory(_directory);
        UseKestrel();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Normalizer:Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "normalizer.db")}");
        builder.UseSetting("Normalizer:Meta:AppSecrets:0", AppSecret);
        builder.UseSetting("Normalizer:Meta:VerifyToken", "console-verify-token");
        builder.UseSetting("Normalizer:ApiKeys:0", ApiKey);
        builder.UseSetting("Normalizer:Delivery:AllowPrivateDestinations", "true");
        // A failing subscriber's delivery dies after two quick attempts.
        builder.UseSetting("Normalizer:Delivery:MaxAttempts", "2");
        builder.UseSetting("Normalizer:Delivery:BaseDelay", "00:00:00.050");
        builder.UseSetting("Normalizer:Delivery:MaxDelay", "00:00:00.100");
        builder.UseSetting("Normalizer:Delivery:PollInterval", "00:00:00.100");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort on a temp directory
        }
    }
}
