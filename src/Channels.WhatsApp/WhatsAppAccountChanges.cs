using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// What a business-level change (any field but <c>messages</c>) says changed, read from its <c>value</c> after Meta's WhatsApp
/// Business Account webhook references: message_template_status_update, message_template_quality_update,
/// template_category_update, phone_number_quality_update, phone_number_name_update, account_update, account_review_update,
/// account_alerts, business_capability_update and security. The keys are read whatever the field (no two fields give one key
/// different meanings); absent or oddly typed values stay null, and the whole value is still in <c>raw</c>.
/// </summary>
internal static class WhatsAppAccountChanges
{
    public static AccountPart Part(string field, JsonElement value)
    {
        // message_template_status_update: rejection_info only on INVALID_FORMAT rejections, other_info on pauses and locks.
        var rejection = value.Obj("rejection_info"u8);
        var other = value.Obj("other_info"u8);
        // account_update: ban_info on DISABLED_UPDATE, violation_info on ACCOUNT_VIOLATION, waba_info on partner events.
        var ban = value.Obj("ban_info"u8);
        var waba = value.Obj("waba_info"u8);
        // account_alerts: the alert's details sit in alert_info.
        var alert = value.Obj("alert_info"u8);
        return new AccountPart
        {
            Field = field,
            Event = value.Str("event"u8),
            TemplateId = value.Str("message_template_id"u8),
            TemplateName = value.Str("message_template_name"u8),
            TemplateLanguage = value.Str("message_template_language"u8),
            TemplateCategory = value.Str("message_template_category"u8),
            Reason = value.Str("reason"u8),
            RejectionReason = value.Str("rejection_reason"u8) ?? rejection?.Str("reason"u8),
            Recommendation = rejection?.Str("recommendation"u8),
            Title = other?.Str("title"u8),
            Description = other?.Str("description"u8) ?? alert?.Str("alert_description"u8),
            PreviousQualityScore = value.Str("previous_quality_score"u8),
            NewQualityScore = value.Str("new_quality_score"u8),
            PreviousCategory = value.Str("previous_category"u8),
            NewCategory = value.Str("new_category"u8),
            CorrectCategory = value.Str("correct_category"u8),
            // Older account_update payloads name the number phone_number (e.g. with VERIFIED_ACCOUNT).
            DisplayPhoneNumber = value.Str("display_phone_number"u8) ?? value.Str("phone_number"u8),
            CurrentLimit = value.Str("current_limit"u8),
            PreviousLimit = value.Str("old_limit"u8),
            MaxDailyConversationsPerBusiness = value.Str("max_daily_conversations_per_business"u8),
            MaxPhoneNumbersPerWaba = value.Str("max_phone_numbers_per_waba"u8),
            Decision = value.Str("decision"u8),
            RequestedVerifiedName = value.Str("requested_verified_name"u8),
            BanState = ban?.Str("waba_ban_state"u8),
            BanDate = ban?.Str("waba_ban_date"u8),
            ViolationType = value.Obj("violation_info"u8)?.Str("violation_type"u8),
            Country = value.Str("country"u8),
            WabaId = waba?.Str("waba_id"u8),
            OwnerBusinessId = waba?.Str("owner_business_id"u8),
            PartnerAppId = waba?.Str("partner_app_id"u8),
            EntityType = value.Str("entity_type"u8),
            EntityId = value.Str("entity_id"u8),
            AlertType = alert?.Str("alert_type"u8),
            AlertSeverity = alert?.Str("alert_severity"u8),
            AlertStatus = alert?.Str("alert_status"u8),
            Requester = value.Str("requester"u8),
        };
    }
}
