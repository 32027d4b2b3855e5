using Normalizer.Channels.MessengerPlatform;
using Normalizer.Sending;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Messenger Send API errors → <see cref="SendErrorKind"/> (Meta's Graph API error codes). Every Messenger code
/// is a Messenger Platform code, so the rows live in the shared <see cref="MessagingErrorMap"/> table
/// (developers.facebook.com/docs/messenger-platform/error-codes); Messenger adds none of its own.
/// </summary>
internal static class MessengerErrorMap
{
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        MessagingErrorMap.Classify(httpStatus, code, subcode);
}
