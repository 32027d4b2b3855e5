using System.Globalization;
using System.Text;

namespace Normalizer.Host.Tests.Send;

/// <summary>Webhook bodies with current timestamps (the reply window is measured from them).</summary>
internal static class SendBodies
{
    public static byte[] MessengerText(string pageId, string psid, string mid, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        $$$"""{"object":"page","entry":[{"id":"{{{pageId}}}","time":{{{Ms(at)}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{Ms(at)}}},"message":{"mid":"{{{mid}}}","text":"hello"}}]}]}""");

    /// <summary>A Messenger marketing-messages stop: a <c>messaging_optins</c> item with STOP_NOTIFICATIONS.</summary>
    public static byte[] MessengerOptout(string pageId, string psid, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        $$$"""{"object":"page","entry":[{"id":"{{{pageId}}}","time":{{{Ms(at)}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{Ms(at)}}},"optin":{"type":"notification_messages","notification_messages_token":"tok_{{{psid}}}","notification_messages_status":"STOP_NOTIFICATIONS","payload":"weekly-deals"}}]}]}""");

    public static byte[] WhatsAppText(string phoneNumberId, string waId, string wamid, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        $$$"""{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Ana"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"{{{wamid}}}","timestamp":"{{{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}}}","type":"text","text":{"body":"hola"}}]}}]}]}""");

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
