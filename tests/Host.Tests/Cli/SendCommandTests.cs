using System.CommandLine;
using System.Text.Json;
using Normalizer.Host.Cli;
using Normalizer.Host.Tests.Send;

namespace Normalizer.Host.Tests.Cli;

public sealed class SendCommandTests
{
    private static (int Code, string Out, string Err) Run(SendFixture? fixture, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = SendCommand.Create(output, error, fixture is null ? null : () => fixture.App.Server.CreateHandler());
        var code = new RootCommand { command }.Parse(["send", .. args]).Invoke();
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Send_TextToPsid_CallsTheApiAndExits0()
    {
        await using var f = await SendFixture.StartAsync();
        await f.InboundAsync(SendFixture.PageA, SendFixture.PsidA);

        var (code, output, _) = Run(f, "--to", SendFixture.PsidA, "--page-id", SendFixture.PageA, "--text", "From the CLI",
            "--url", "http://localhost", "--api-key", NormalizerApplication.ApiKey);

        Assert.Equal(0, code);
        Assert.Equal("sent", JsonDocument.Parse(output).RootElement.GetProperty("status").GetString());
        Assert.Equal("From the CLI", Assert.Single(f.Graph.SendsTo(SendFixture.PageA)).BodyJson().GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_WindowClosed_Exits1WithTheResult()
    {
        await using var f = await SendFixture.StartAsync();

        var (code, output, _) = Run(f, "--to", SendFixture.PsidA, "--page-id", SendFixture.PageA, "--text", "late",
            "--url", "http://localhost", "--api-key", NormalizerApplication.ApiKey);

        Assert.Equal(1, code);
        Assert.Equal("window_closed", JsonDocument.Parse(output).RootElement.GetProperty("error").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData(new[] { "--to", "1" }, "give --text or --template")]
    [InlineData(new[] { "--to", "1", "--text", "x", "--platform", "telegram" }, "unknown platform")]
    [InlineData(new[] { "--to", "1", "--text", "x", "--url", "http://127.0.0.1:1" }, "cannot reach")]
    public void Send_BadInputOrNoHost_Exits2WithMessage(string[] args, string message)
    {
        var (code, _, error) = Run(null, args);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }
}
