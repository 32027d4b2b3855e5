using Normalizer.Events;

namespace Normalizer.Storage;

/// <summary>A webhook as received: written to the inbox before Meta gets its 200.</summary>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Channel">The channel the endpoint pinned, or null for <c>/webhooks/meta</c>.</param>
/// <param name="SignatureVerified">Whether X-Hub-Signature-256 matched an app secret.</param>
/// <param name="Headers">The headers that matter, as a JSON object.</param>
/// <param name="Body">The raw body bytes.</param>
public sealed record InboxItem(DateTimeOffset ReceivedAt, Platform? Channel, bool SignatureVerified, string? Headers, ReadOnlyMemory<byte> Body);
