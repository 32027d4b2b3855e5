namespace Normalizer.Channels;

/// <summary>What the host knows about a webhook delivery, independent of its body.</summary>
/// <param name="ReceivedAt">When Normalizer received the webhook.</param>
/// <param name="SignatureVerified">Whether X-Hub-Signature-256 matched an app secret.</param>
public readonly record struct WebhookContext(DateTimeOffset ReceivedAt, bool SignatureVerified);
