using System.Text.Json.Serialization;

namespace Normalizer.Ids;

/// <summary>The type tag of an ID (schemas/README.md: the ID types). IDs of different types are never compared.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IdType>))]
public enum IdType
{
    /// <summary>Page-scoped user ID (Messenger), scoped to a Page.</summary>
    [JsonStringEnumMemberName("PSID")] Psid,
    /// <summary>Instagram-scoped user ID, scoped to an Instagram professional account.</summary>
    [JsonStringEnumMemberName("IGSID")] Igsid,
    /// <summary>WhatsApp user phone number (wa_id, digits only).</summary>
    [JsonStringEnumMemberName("WA_ID")] WaId,
    /// <summary>WhatsApp business-scoped user ID (2026), scoped to a business portfolio.</summary>
    [JsonStringEnumMemberName("WA_BSUID")] WaBsuid,
    /// <summary>App-scoped user ID (Facebook Login), scoped to an app.</summary>
    [JsonStringEnumMemberName("ASID")] Asid,
    /// <summary>A Facebook Page ID.</summary>
    [JsonStringEnumMemberName("PAGE_ID")] PageId,
    /// <summary>An Instagram professional account ID.</summary>
    [JsonStringEnumMemberName("IG_ACCOUNT_ID")] IgAccountId,
    /// <summary>A WhatsApp business phone_number_id.</summary>
    [JsonStringEnumMemberName("PHONE_NUMBER_ID")] PhoneNumberId,
    /// <summary>
    /// A WhatsApp Business Account ID: <c>entry[].id</c> of a WhatsApp webhook, the business side of changes that name no
    /// phone number.
    /// </summary>
    [JsonStringEnumMemberName("WABA_ID")] WabaId,
    /// <summary>
    /// A Messenger <c>user_ref</c>: the sender of a chat plugin or checkbox plugin update before the person has a PSID,
    /// scoped to the Page.
    /// </summary>
    [JsonStringEnumMemberName("USER_REF")] UserRef,
}
