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
        IdType.WabaId => "WABA_ID",
        IdType.UserRef => "USER_REF",
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

    /// <summary>
    /// Whether <c>page_id</c> can be of this type on this platform: <see cref="BusinessType"/>, or on WhatsApp the
    /// business account (<see cref="IdType.WabaId"/>) for changes that name no phone number.
    /// </summary>
    public static bool IsBusinessType(Platform platform, IdType type) =>
        type == BusinessType(platform) || (platform == Platform.WhatsApp && type == IdType.WabaId);

    /// <summary>Whether a customer ID of this type can appear on this platform.</summary>
    public static bool IsUserType(Platform platform, IdType type) => platform switch
    {
        Platform.Facebook => type is IdType.Psid or IdType.UserRef,
        Platform.Instagram => type is IdType.Igsid,
        Platform.WhatsApp => type is IdType.WaId or IdType.WaBsuid,
        _ => false,
    };

    /// <summary>Whether an ID of this type can appear as <c>from</c>/<c>to</c> on this platform.</summary>
    public static bool BelongsTo(Platform platform, IdType type) =>
        IsBusinessType(platform, type) || IsUserType(platform, type);

    /// <summary>
    /// The WhatsApp type of a customer ID: a BSUID is <c>CC.</c> + alphanumerics (Meta's WhatsApp Cloud API webhooks),
    /// a wa_id is digits only.
    /// </summary>
    public static IdType WhatsAppUserType(string value) =>
        value.Contains('.', StringComparison.Ordinal) ? IdType.WaBsuid : IdType.WaId;
}
