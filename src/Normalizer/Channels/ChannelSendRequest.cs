using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels;

/// <summary>One call a channel sender makes: who, from which business ID, what, with which credentials.</summary>
/// <param name="Credentials">Token and app secret of the business ID that owns the recipient.</param>
/// <param name="Recipient">The tagged recipient (PSID, IGSID, WA_ID, WA_BSUID).</param>
/// <param name="Message">The message, with any template already rendered into its body.</param>
/// <param name="MessagingType">Messenger/Instagram messaging_type (RESPONSE, UPDATE, MESSAGE_TAG, UTILITY).</param>
/// <param name="Tag">Messenger/Instagram tag with MESSAGE_TAG.</param>
public sealed record ChannelSendRequest(PageCredentials Credentials, TaggedId Recipient, OutboundMessage Message, string MessagingType, string? Tag);
