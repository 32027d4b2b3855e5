namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A WhatsApp user of a business number. <paramref name="Phone"/> is an alternative <c>to</c> value that
/// resolves to <paramref name="WaId"/> (the returned <c>wa_id</c> may differ from the input, Meta's WhatsApp Cloud API messages).
/// </summary>
public sealed record FakeWhatsAppUser(string PhoneNumberId, string WaId, string? Bsuid, string? Phone);
