namespace Normalizer.Host.Docs;

/// <summary>An example of one event name: its anchor on the page, the platform it comes from, and the event as JSON.</summary>
internal sealed record DocExample(string Name, string Anchor, string Platform, string Json);
