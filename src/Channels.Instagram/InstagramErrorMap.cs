using Normalizer.Channels.MessengerPlatform;
using Normalizer.Sending;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram messaging errors → <see cref="SendErrorKind"/> (Meta's Messenger Platform error codes): Instagram answers Messenger
/// Platform codes on both login paths, so the shared <see cref="MessagingErrorMap"/> table applies, plus the rows
/// only Instagram has (developers.facebook.com/docs/messenger-platform/error-codes).
/// </summary>
internal static class InstagramErrorMap
{
    public static SendErrorKind Classify(int httpStatus, int? code, int? subcode) => (code, subcode) switch
    {
        (2534068, _) => SendErrorKind.BadRequest,   // Meta: Messenger Platform error codes IG multi-image not yet available for the account: send one image
        _ => MessagingErrorMap.Classify(httpStatus, code, subcode),
    };
}
