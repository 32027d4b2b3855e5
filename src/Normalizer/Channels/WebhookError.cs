namespace Normalizer.Channels;

/// <summary>Why a webhook body could not be normalized at all.</summary>
/// <param name="Kind">The class of problem.</param>
/// <param name="Message">One line saying what is wrong and where.</param>
public sealed record WebhookError(WebhookErrorKind Kind, string Message);
