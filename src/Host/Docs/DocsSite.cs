using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;
using Normalizer.Delivery;

namespace Normalizer.Host.Docs;

/// <summary>
/// The integrator guide at <c>/docs</c>: one HTML page rendered once with Handlebars from the JSON Schemas the host
/// generates (<see cref="HostSchemas"/>, the same as <c>schemas/</c>), an example of every event name, the send request and
/// result, the subscription and its delivery headers, and how to verify <c>webhook-signature</c> in C#, Node and Python.
/// </summary>
internal sealed class DocsSite
{
    public const string CSharpSnippet = "WebhookVerifier.cs";
    public const string NodeSnippet = "verify-webhook.js";
    public const string PythonSnippet = "verify_webhook.py";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<string> _page = new(Render);

    /// <summary>The page's HTML.</summary>
    public string Page => _page.Value;

    /// <summary>The schema files, by file name.</summary>
    public static IReadOnlyDictionary<string, string> Schemas { get; } = HostSchemas.All().ToDictionary(s => s.FileName, s => s.Json, StringComparer.Ordinal);

    /// <summary>The example of every event name, in the schema's order (<c>event-examples.json</c>).</summary>
    public static JsonObject EventExamples() => JsonNode.Parse(DocsResources.Read("event-examples.json"))!.AsObject();

    /// <summary>The examples of the API's bodies: send_request, send_result, send_result_failed, subscription (<c>api-examples.json</c>).</summary>
    public static JsonObject ApiExamples() => JsonNode.Parse(DocsResources.Read("api-examples.json"))!.AsObject();

    private static string Render()
    {
        var handlebars = Handlebars.Create();
        handlebars.RegisterTemplate("fields", DocsResources.Read("fields.hbs"));
        var template = handlebars.Compile(DocsResources.Read("index.hbs"));
        return template(Model());
    }

    private static object Model()
    {
        using var eventSchema = JsonDocument.Parse(Schemas["normalized-event.schema.json"]);
        using var sendRequest = JsonDocument.Parse(Schemas["send-request.schema.json"]);
        using var sendResult = JsonDocument.Parse(Schemas["send-result.schema.json"]);
        using var subscription = JsonDocument.Parse(Schemas["subscription.schema.json"]);
        var examples = EventExamples();
        var api = ApiExamples();
        var names = eventSchema.RootElement.GetProperty("properties").GetProperty("event").GetProperty("enum").EnumerateArray()
            .Select(n => n.GetString()!).ToList();
        return new
        {
            eventFields = DocField.Of(eventSchema.RootElement),
            events = names.Select(name => examples[name] is { } example
                ? new DocExample(name, "event-" + name.Replace('.', '-'), example["platform"]!.GetValue<string>(), example.ToJsonString(Indented))
                : throw new InvalidOperationException($"event-examples.json has no example of {name}")).ToList(),
            sendRequestFields = DocField.Of(sendRequest.RootElement),
            sendResultFields = DocField.Of(sendResult.RootElement),
            subscriptionFields = DocField.Of(subscription.RootElement),
            sendRequest = api["send_request"]!.ToJsonString(Indented),
            sendResult = api["send_result"]!.ToJsonString(Indented),
            sendResultFailed = api["send_result_failed"]!.ToJsonString(Indented),
            subscription = api["subscription"]!.ToJsonString(Indented),
            schemaFiles = Schemas.Keys.Order(StringComparer.Ordinal).ToList(),
            idHeader = WebhookSigner.IdHeader,
            timestampHeader = WebhookSigner.TimestampHeader,
            signatureHeader = WebhookSigner.SignatureHeader,
            secretPrefix = WebhookSecret.Prefix,
            csharp = DocsResources.Read(CSharpSnippet),
            node = DocsResources.Read(NodeSnippet),
            python = DocsResources.Read(PythonSnippet),
        };
    }
}
