using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Normalizer.Host.Tests.Endpoints;

/// <summary>The console's files: where they are, their content types, and the headers that keep the page to its own code.</summary>
public sealed partial class ConsoleEndpointsTests : IAsyncLifetime
{
    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_Root_RedirectsToTheConsole()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var answer = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console/", answer.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/console/")]
    [InlineData("/console")]
    public async Task Get_ConsolePage_IsHtmlWithAStrictPolicyAndNoInlineCode(string path)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var answer = await client.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var policy = answer.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        // Under that policy an inline script or style would not run: the page has none.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EveryFileThePageLoads_IsServedWithItsContentType()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/console/");
        var pending = new Queue<string>(Referenced().Matches(html).Select(m => m.Groups["path"].Value));
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var answer = await client.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {answer.StatusCode}");
            var expected = path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css";
            Assert.Equal(expected, answer.Content.Headers.ContentType?.MediaType);
            if (expected == "text/javascript")
            {
                foreach (Match import in Imported().Matches(await answer.Content.ReadAsStringAsync()))
                {
                    pending.Enqueue(import.Groups["path"].Value);
                }
            }
        }

        Assert.Contains("/console/console.js", seen);
        Assert.Contains("/console/api.js", seen);
        Assert.Contains("/console/console.css", seen);
    }

    [Theory]
    [InlineData("/console/missing.js")]
    [InlineData("/console/appsettings.json")]
    public async Task Get_UnknownFile_Returns404(string path)
    {
        using var client = _app.CreateClient();

        using var answer = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:src|href)=\"(?<path>/console/[^\"]+)\"")]
    private static partial Regex Referenced();

    [GeneratedRegex("from '(?<path>/console/[^']+)'")]
    private static partial Regex Imported();
}
