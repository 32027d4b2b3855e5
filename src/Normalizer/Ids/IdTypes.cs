using Normalizer.Events;

namespace Normalizer.Ids;

/// <summary>Facts about ID types: wire names and which types belong to which platform.</summary>
public static class IdTypes
{
    /// <summary>The wire name of an ID type.</summary>
    public static string ToWire(IdType type) => type switch
    {
        IdType.Psid => "PSID",
        IdType.Igsid => "IGSID",
        IdType.WaId => "WA_ID",
        IdType.WaBsuid => "WA_BSUID",
        IdType.Asid => "ASID",
        IdType.PageId => "PAGE_ID",
        IdType.IgAccountId => "IG_ACCOUNT_ID",
        IdType.PhoneNumberId => "PHONE_NUMBER_ID",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type of the business side (<c>page_id</c>) on a platform.</summary>
    public static IdType BusinessType(Platform platform) => platform switch
    {
        Platform.Facebook => IdType.PageId,
        Platform.Instagram => IdType.IgAccountId,
        Platform.WhatsApp => IdType.PhoneNumberId,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>Whether a customer ID of this type can appear on this platform.</summary>
    public static bool IsUserType(Platform platform, IdType type) => platform switch
    {
        Platform.Facebook => type is IdType.Psid,
        Platform.Instagram => type is IdType.Igsid,
        Platform.WhatsApp => type is IdType.WaId or IdType.WaBsuid,
        _ => false,
    };

    /// <summary>Whether an ID of this type can appear as <c>from</c>/<c>to</c> on this platform.</summary>
    public static bool BelongsTo(Platform platform, IdType type) =>
        type == BusinessType(platform) || IsUserType(platform, type);

    /// <summary>
    /// The WhatsApp type of a customer ID: a BSUID is <c>CC.</c> + alphanumerics (Meta's WhatsApp Cloud API webhooks),
    /// a wa_id is digits only.
    /// </summary>
    public static IdType WhatsAppUserType(string value) =>
        value.Contains('.', StringComparison.Ordinal) ? IdType.WaBsuid : IdType.WaId;
}
