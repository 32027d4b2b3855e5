namespace Normalizer.Testing.Subscriber;

/// <summary>A webhook POST as the subscriber received it, and the status it answered.</summary>
public sealed record SubscriberRequest(
    int Index, string? WebhookId, string? WebhookTimestamp, string? WebhookSignature, string? ContentType, byte[] Body, int AnsweredStatus)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
