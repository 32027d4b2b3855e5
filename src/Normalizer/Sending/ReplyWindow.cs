namespace Normalizer.Sending;

/// <summary>How long after the customer's last message a send may go out, and what to do instead once it has passed.</summary>
/// <param name="Length">The window, counted from the customer's last message.</param>
/// <param name="Remedy">What the caller can do when the window has passed, for the <c>window_closed</c> message.</param>
public readonly record struct ReplyWindow(TimeSpan Length, string Remedy);
