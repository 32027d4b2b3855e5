using System.Text.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// One <c>changes[].value</c> of field <c>messages</c>: the business number every item belongs to
/// (<c>metadata.phone_number_id</c>, Meta's webhook sender/recipient rules), the value itself (for <c>contacts[]</c>) and the delivery context.
/// </summary>
internal readonly record struct WhatsAppScope(string PhoneNumberId, JsonElement Value, WebhookContext Context);
