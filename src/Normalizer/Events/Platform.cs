using System.Text.Json.Serialization;

namespace Normalizer.Events;

/// <summary>The Meta channel an event came from or a message goes to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Platform>))]
public enum Platform
{
    /// <summary>Facebook Messenger (users identified by PSIDs).</summary>
    [JsonStringEnumMemberName("facebook")] Facebook,

    /// <summary>Instagram Messaging (users identified by IGSIDs).</summary>
    [JsonStringEnumMemberName("instagram")] Instagram,

    /// <summary>WhatsApp Cloud API (users identified by wa_id and/or BSUID).</summary>
    [JsonStringEnumMemberName("whatsapp")] WhatsApp,
}
