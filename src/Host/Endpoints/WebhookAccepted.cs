namespace Normalizer.Host.Endpoints;

/// <summary>The 200 answer to Meta once the body (and its events, unless rows wait in the inbox) is durably stored.</summary>
public sealed record WebhookAccepted(bool Accepted, long InboxId);
