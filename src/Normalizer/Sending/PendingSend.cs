namespace Normalizer.Sending;

/// <summary>A send kept until its person writes again (<c>queue_if_unreachable</c>).</summary>
/// <param name="Id">Queue id.</param>
/// <param name="PersonId">The person to send to.</param>
/// <param name="Request">The original request.</param>
public sealed record PendingSend(string Id, string PersonId, SendRequest Request);
