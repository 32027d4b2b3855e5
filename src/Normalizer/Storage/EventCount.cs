namespace Normalizer.Storage;

/// <summary>How many events of a channel and Page were received in one time bucket.</summary>
/// <param name="Platform">The channel's wire name.</param>
/// <param name="PageId">The business side (Page, Instagram account, WhatsApp number).</param>
/// <param name="Bucket">The bucket's index from the start of the counted range (0 = oldest).</param>
/// <param name="Count">Events received in it.</param>
public sealed record EventCount(string Platform, string PageId, long Bucket, long Count);
