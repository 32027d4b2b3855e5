namespace Normalizer.Host.Endpoints;

/// <summary>The 200 answer to Meta once the body is durably in the inbox.</summary>
public sealed record WebhookAccepted(bool Accepted, long InboxId);
