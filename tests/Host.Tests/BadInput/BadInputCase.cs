using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Normalizer.Host.Tests.BadInput;

/// <summary>
/// One file of <c>BadInput/Cases</c>: a request to a webhook endpoint (body, signature variant, transfer) and the answer
/// it must get: a 4xx with its error code, or a 200 whose row becomes a quarantine record and/or some events.
/// </summary>
internal sealed record BadInputCase(string Name, JsonElement Spec)
{
    public static IReadOnlyList<BadInputCase> All() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "BadInput", "Cases"), "*.json").Order()
            .Select(f => new BadInputCase(System.IO.Path.GetFileNameWithoutExtension(f), JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.Clone()))
            .ToList();

    public JsonElement Expect => Spec.GetProperty("expect");

    public int Status => Expect.GetProperty("status").GetInt32();

    public string Path => Text("path") ?? "/webhooks/meta";

    public byte[] Body()
    {
        if (Text("body") is { } text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        if (Text("body_base64") is { } base64)
        {
            return Convert.FromBase64String(base64);
        }

        var body = new MemoryStream();
        foreach (var part in Spec.GetProperty("body_parts").EnumerateArray())
        {
            var bytes = part.TryGetProperty("base64", out var b) ? Convert.FromBase64String(b.GetString()!) : Encoding.UTF8.GetBytes(part.GetProperty("text").GetString()!);
            var times = part.TryGetProperty("times", out var t) ? t.GetInt32() : 1;
            for (var i = 0; i < times; i++)
            {
                body.Write(bytes);
            }
        }

        return body.ToArray();
    }

    public HttpRequestMessage Request(string appSecret)
    {
        var body = Body();
        HttpContent content = Spec.TryGetProperty("chunked", out var chunked) && chunked.GetBoolean()
            ? new StreamContent(new MemoryStream(body)) // no Content-Length: sent chunked
            : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", Text("content_type") ?? "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        if (chunked.ValueKind == JsonValueKind.True)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
        var signatures = (Text("signature") ?? "sign") switch
        {
            "sign" => ["sha256=" + hex],
            "none" => [],
            "upper" => ["sha256=" + hex.ToUpperInvariant()],
            "upper-prefix" => ["SHA256=" + hex],
            "no-prefix" => [hex],
            "padded" => ["  sha256=" + hex + " "],
            "twice" => ["sha256=" + hex, "sha256=" + hex],
            "bad-hex" => ["sha256=" + new string('z', 64)],
            "short" => ["sha256=" + hex[..32]],
            "other-body" => ["sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body.Append((byte)' ').ToArray()))],
            "other-secret" => ["sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("not-the-secret"u8, body))],
            "sha1-only" => Array.Empty<string>(),
            var other => throw new InvalidOperationException($"{Name}: unknown signature variant '{other}'"),
        };
        foreach (var signature in signatures)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        if (Text("signature") == "sha1-only")
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature",
                "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(appSecret), body)));
        }

        return request;
    }

    public override string ToString() => Name;

    private string? Text(string name) => Spec.TryGetProperty(name, out var value) ? value.GetString() : null;
}
