using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MyApp.Webhooks;
using Normalizer.Delivery;
using Normalizer.Host.Docs;

namespace Normalizer.Host.Tests.Docs;

/// <summary>
/// The signature checks the docs show, run against deliveries signed by the product's own signer: the C# one compiled
/// into this project, the Node and Python ones run by <c>node</c> and <c>python3</c>.
/// </summary>
public sealed class SignatureSnippetTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string NextSecret = "whsec_Kq3bC8n0ZyH5tJwR7uVx1sLmP4dEfGhA9oNiTc2eQvU=";
    private const string EventId = "evt_f9a4c9141a08953dda535e94da56a31f";
    private const long Now = 1765101600;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"id":"evt_f9a4c9141a08953dda535e94da56a31f","platform":"facebook","event":"message.received","message":{"body":"Olá 👋"}}""");

    public static TheoryData<string, bool> Cases => new()
    {
        { "signed", true },
        { "rotated", true },
        { "body changed", false },
        { "id changed", false },
        { "other secret", false },
        { "299 s old", true },
        { "301 s old", false },
        { "301 s ahead", false },
        { "no signature", false },
        { "timestamp not a number", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CSharp(string name, bool expected)
    {
        var c = Case(name);

        Assert.Equal(expected, WebhookVerifier.Verify(c.Secret, c.Id, c.Timestamp, c.Signature, c.Body, DateTimeOffset.FromUnixTimeSeconds(Now)));
    }

    [Fact]
    public async Task Node()
    {
        var harness = """
            const { verifyWebhook } = require(process.argv[2]);
            const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
            console.log(JSON.stringify(cases.map((c) => verifyWebhook(c.secret, c.headers, Buffer.from(c.body, "base64"), c.now * 1000))));
            """;
        await AssertAllAsync("node", DocsSite.NodeSnippet, harness, "js");
    }

    [Fact]
    public async Task Python()
    {
        var harness = """
            import base64, importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("verify_webhook", sys.argv[1])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            cases = json.load(sys.stdin)
            print(json.dumps([module.verify_webhook(c["secret"], c["headers"], base64.b64decode(c["body"]), c["now"]) for c in cases]))
            """;
        await AssertAllAsync("python3", DocsSite.PythonSnippet, harness, "py");
    }

    // Every case through one process: the snippet as the docs embed it, beside a harness that feeds it the cases.
    private static async Task AssertAllAsync(string runtime, string snippet, string harness, string extension)
    {
        var directory = Directory.CreateTempSubdirectory("normalizer-snippet-");
        try
        {
            var snippetPath = Path.Combine(directory.FullName, snippet);
            var harnessPath = Path.Combine(directory.FullName, "harness." + extension);
            await File.WriteAllTextAsync(snippetPath, DocsResources.Read(snippet));
            await File.WriteAllTextAsync(harnessPath, harness);
            var names = Cases.Select(row => (string)row[0]).ToList();
            var input = JsonSerializer.Serialize(names.Select(n => Case(n)).Select(c => new Dictionary<string, object?>
            {
                ["secret"] = c.Secret,
                ["headers"] = c.Signature.Length == 0
                    ? new Dictionary<string, string> { ["webhook-id"] = c.Id, ["webhook-timestamp"] = c.Timestamp }
                    : new Dictionary<string, string> { ["webhook-id"] = c.Id, ["webhook-timestamp"] = c.Timestamp, ["webhook-signature"] = c.Signature },
                ["body"] = Convert.ToBase64String(c.Body),
                ["now"] = Now,
            }));

            var output = await RunAsync(runtime, [harnessPath, snippetPath], input);

            var results = JsonSerializer.Deserialize<bool[]>(output)!;
            var expected = Cases.Select(row => (bool)row[1]).ToArray();
            Assert.True(expected.SequenceEqual(results),
                string.Join("; ", names.Select((n, i) => $"{n}: expected {expected[i]}, got {(i < results.Length ? results[i] : "nothing")}")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, string input)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{fileName} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static (string Secret, string Id, string Timestamp, string Signature, byte[] Body) Case(string name)
    {
        var at = name switch
        {
            "299 s old" => Now - 299,
            "301 s old" => Now - 301,
            "301 s ahead" => Now + 301,
            _ => Now,
        };
        var timestamp = name == "timestamp not a number" ? "1765101600.5" : at.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = name switch
        {
            "rotated" => WebhookSigner.Sign(EventId, at, Body, [Secret, NextSecret]),
            "no signature" => "",
            _ => WebhookSigner.Sign(EventId, at, Body, Secret),
        };
        var body = name == "body changed" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("Olá", "Ola", StringComparison.Ordinal)) : Body;
        return (name == "other secret" ? "whsec_" + Convert.ToBase64String(new byte[32]) : name == "rotated" ? NextSecret : Secret,
            name == "id changed" ? "evt_00000000000000000000000000000000" : EventId, timestamp, signature, body);
    }
}
