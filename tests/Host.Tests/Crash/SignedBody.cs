namespace Normalizer.Host.Tests.Crash;

/// <summary>A webhook body carrying one update, with its <c>X-Hub-Signature-256</c>.</summary>
/// <param name="Platform">The platform of the update's event (wire name).</param>
/// <param name="UpdateId">The update's own id (mid or wamid), the event's <c>message.id</c>.</param>
internal sealed record SignedBody(string Platform, string UpdateId, byte[] Body, string Signature);
