using System.Globalization;
using System.Runtime.InteropServices;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// Standalone mode: <c>dotnet run --project tests/Normalizer.Testing -- --port 5090</c> serves
/// <see cref="FakeGraphDemo"/> on 127.0.0.1 until Ctrl+C. Secrets and tokens are never printed.
/// Not named <c>Program</c>, so test projects referencing both this assembly and Host see one <c>Program</c>.
/// </summary>
internal static class FakeGraphProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("Fake Meta Graph API. Usage: Normalizer.Testing [--port 5090]");
            return 0;
        }

        if (!TryReadPort(args, out var port))
        {
            Console.Error.WriteLine("--port takes a number between 0 and 65535.");
            return 2;
        }

        await using var fake = await FakeGraphApi.StartAsync(FakeGraphDemo.Configure, port);
        fake.CallRecorded += call => Console.WriteLine(
            $"{call.ReceivedAt:HH:mm:ss.fff} {call.Method} {call.Path} → {call.StatusCode}" +
            (call.ErrorCode is { } code ? $" (error {code})" : ""));
        PrintConfiguration(fake);

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        Console.WriteLine("Stopping.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static bool TryReadPort(string[] args, out int port)
    {
        port = 5090;
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i] switch
            {
                "--port" when i + 1 < args.Length => args[++i],
                var a when a.StartsWith("--port=", StringComparison.Ordinal) => a["--port=".Length..],
                _ => null,
            };
            if (value is not null && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535))
            {
                return false;
            }
        }

        return true;
    }

    private static void PrintConfiguration(FakeGraphApi fake)
    {
        Console.WriteLine($"Fake Graph API listening on {fake.BaseUrl} (e.g. POST {fake.BaseUrl}v25.0/me/messages)");
        foreach (var app in fake.Apps)
        {
            Console.WriteLine($"  app {app.Id} \"{app.Name}\": secret {Presence(app.Secret)}, app token {Presence(app.AppToken)}" +
                (app.RequireProof && app.Secret is not null ? ", appsecret_proof required" : ""));
        }

        foreach (var page in fake.Pages)
        {
            var users = fake.UsersOf(page.Id).Select(u => u.Id)
                .Concat(fake.WhatsAppUsersOf(page.Id).Select(u => u.Bsuid is null ? u.WaId : $"{u.WaId} (BSUID {u.Bsuid})")).ToList();
            Console.WriteLine($"  {page.Platform.ToWire(),-9} {page.Id} \"{page.Name}\" (app {page.AppId}): token {Presence(page.AccessToken)}" +
                (users.Count > 0 ? $"; users {string.Join(", ", users)}" : ""));
        }

        Console.WriteLine("Demo tokens are listed in FakeGraphDemo.cs. Ctrl+C stops.");
    }

    private static string Presence(string? secret) => secret is null ? "none" : $"set ({secret.Length} chars)";
}
