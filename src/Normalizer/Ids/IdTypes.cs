namespace Normalizer.Ids;

/// <summary>The wire names of ID types (which types a channel's events carry is the channel's: <see cref="Channels.ChannelIdTypes"/>).</summary>
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
}
