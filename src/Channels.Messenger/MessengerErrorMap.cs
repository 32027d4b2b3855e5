using Normalizer.Channels.Messaging;
using Normalizer.Sending;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Messenger Send API errors → <see cref="SendErrorKind"/> (PLATFORM.md §4.2, §4.3, §4.5). Every Messenger code
/// is a Messenger Platform code, so the rows live in the shared <see cref="MessagingErrorMap"/> table
/// (developers.facebook.com/docs/messenger-platform/error-codes); Messenger adds none of its own.
/// </summary>
internal static class MessengerErrorMap
{
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) =>
        MessagingErrorMap.Classify(httpStatus, code, subcode);
}
