namespace Normalizer.Host.Endpoints;

/// <summary>The 202 answer to a re-process: the quarantined body is back in the inbox under a new inbox id.</summary>
public sealed record QuarantineRequeued(long QuarantineId, long InboxId);
