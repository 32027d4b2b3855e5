using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>
/// A business-level change (template status, account update, quality update…): the webhook field, the event it names and
/// what changed. Every member but <see cref="Field"/> is optional and present only when the change carries it; numbers
/// Meta sends (template ids, limits) are kept as their exact text. The whole change value stays in <c>raw</c>.
/// </summary>
public sealed record AccountPart
{
    /// <summary>The webhook field, e.g. message_template_status_update, account_update.</summary>
    [Description("The webhook field, e.g. message_template_status_update, account_update.")]
    public required string Field { get; init; }

    /// <summary>
    /// The event named in the change, where there is one: a template's new status (APPROVED, REJECTED, PAUSED…), an account
    /// event (ACCOUNT_VIOLATION, DISABLED_UPDATE, VERIFIED_ACCOUNT…), a quality or throughput event (FLAGGED, DOWNGRADE,
    /// THROUGHPUT_UPGRADE…), a security event (PIN_RESET_REQUEST…).
    /// </summary>
    [Description("The event named in the change, where there is one: a template's new status (APPROVED, REJECTED, PAUSED…), an account event (ACCOUNT_VIOLATION, DISABLED_UPDATE, VERIFIED_ACCOUNT…), a quality or throughput event (FLAGGED, DOWNGRADE, THROUGHPUT_UPGRADE…), a security event (PIN_RESET_REQUEST…).")]
    public string? Event { get; init; }

    /// <summary>WhatsApp template changes: the template id (message_template_id), as text.</summary>
    [Description("WhatsApp template changes: the template id (message_template_id), as text.")]
    public string? TemplateId { get; init; }

    /// <summary>WhatsApp template changes: the template name (message_template_name).</summary>
    [Description("WhatsApp template changes: the template name (message_template_name).")]
    public string? TemplateName { get; init; }

    /// <summary>WhatsApp template changes: the template language and locale code (message_template_language).</summary>
    [Description("WhatsApp template changes: the template language and locale code (message_template_language).")]
    public string? TemplateLanguage { get; init; }

    /// <summary>WhatsApp template status: the template's category (message_template_category: MARKETING, UTILITY, AUTHENTICATION).</summary>
    [Description("WhatsApp template status: the template's category (message_template_category: MARKETING, UTILITY, AUTHENTICATION).")]
    public string? TemplateCategory { get; init; }

    /// <summary>WhatsApp template status: why the status changed (reason: INVALID_FORMAT, INCORRECT_CATEGORY, NONE…).</summary>
    [Description("WhatsApp template status: why the status changed (reason: INVALID_FORMAT, INCORRECT_CATEGORY, NONE…).")]
    public string? Reason { get; init; }

    /// <summary>
    /// Why something was rejected: a display name (phone_number_name_update rejection_reason) or, in detail, a template
    /// (rejection_info.reason).
    /// </summary>
    [Description("Why something was rejected: a display name (phone_number_name_update rejection_reason) or, in detail, a template (rejection_info.reason).")]
    public string? RejectionReason { get; init; }

    /// <summary>WhatsApp template rejection: how to fix the template (rejection_info.recommendation).</summary>
    [Description("WhatsApp template rejection: how to fix the template (rejection_info.recommendation).")]
    public string? Recommendation { get; init; }

    /// <summary>WhatsApp template pause, lock or unlock: its title (other_info.title: FIRST_PAUSE, UNPAUSE…).</summary>
    [Description("WhatsApp template pause, lock or unlock: its title (other_info.title: FIRST_PAUSE, UNPAUSE…).")]
    public string? Title { get; init; }

    /// <summary>What the change says in words: a template pause or lock (other_info.description), an account alert (alert_description).</summary>
    [Description("What the change says in words: a template pause or lock (other_info.description), an account alert (alert_description).")]
    public string? Description { get; init; }

    /// <summary>WhatsApp template quality: the score before (previous_quality_score: GREEN, YELLOW, RED, UNKNOWN).</summary>
    [Description("WhatsApp template quality: the score before (previous_quality_score: GREEN, YELLOW, RED, UNKNOWN).")]
    public string? PreviousQualityScore { get; init; }

    /// <summary>WhatsApp template quality: the score now (new_quality_score).</summary>
    [Description("WhatsApp template quality: the score now (new_quality_score).")]
    public string? NewQualityScore { get; init; }

    /// <summary>WhatsApp template category: the category before (previous_category).</summary>
    [Description("WhatsApp template category: the category before (previous_category).")]
    public string? PreviousCategory { get; init; }

    /// <summary>WhatsApp template category: the category now (new_category).</summary>
    [Description("WhatsApp template category: the category now (new_category).")]
    public string? NewCategory { get; init; }

    /// <summary>WhatsApp template category: the category the template will be moved to (correct_category).</summary>
    [Description("WhatsApp template category: the category the template will be moved to (correct_category).")]
    public string? CorrectCategory { get; init; }

    /// <summary>The business display phone number the change is about (display_phone_number; phone_number in older account updates).</summary>
    [Description("The business display phone number the change is about (display_phone_number; phone_number in older account updates).")]
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>WhatsApp phone number quality: the messaging limit or throughput level now (current_limit: TIER_10K, TIER_UNLIMITED…).</summary>
    [Description("WhatsApp phone number quality: the messaging limit or throughput level now (current_limit: TIER_10K, TIER_UNLIMITED…).")]
    public string? CurrentLimit { get; init; }

    /// <summary>WhatsApp phone number quality: the messaging limit before (old_limit).</summary>
    [Description("WhatsApp phone number quality: the messaging limit before (old_limit).")]
    public string? PreviousLimit { get; init; }

    /// <summary>The business portfolio's messaging limit (max_daily_conversations_per_business), as sent.</summary>
    [Description("The business portfolio's messaging limit (max_daily_conversations_per_business), as sent.")]
    public string? MaxDailyConversationsPerBusiness { get; init; }

    /// <summary>WhatsApp business capability: how many phone numbers a WABA may have (max_phone_numbers_per_waba), as sent.</summary>
    [Description("WhatsApp business capability: how many phone numbers a WABA may have (max_phone_numbers_per_waba), as sent.")]
    public string? MaxPhoneNumbersPerWaba { get; init; }

    /// <summary>A review decision: a display name (phone_number_name_update) or the WABA (account_review_update): APPROVED, REJECTED, PENDING, DEFERRED.</summary>
    [Description("A review decision: a display name (phone_number_name_update) or the WABA (account_review_update): APPROVED, REJECTED, PENDING, DEFERRED.")]
    public string? Decision { get; init; }

    /// <summary>WhatsApp display name review: the name asked for (requested_verified_name).</summary>
    [Description("WhatsApp display name review: the name asked for (requested_verified_name).")]
    public string? RequestedVerifiedName { get; init; }

    /// <summary>WhatsApp account update: the WABA's ban state (ban_info.waba_ban_state: DISABLE, REINSTATE, SCHEDULE_FOR_DISABLE).</summary>
    [Description("WhatsApp account update: the WABA's ban state (ban_info.waba_ban_state: DISABLE, REINSTATE, SCHEDULE_FOR_DISABLE).")]
    public string? BanState { get; init; }

    /// <summary>WhatsApp account update: when the WABA was banned, as Meta writes it (ban_info.waba_ban_date).</summary>
    [Description("WhatsApp account update: when the WABA was banned, as Meta writes it (ban_info.waba_ban_date).")]
    public string? BanDate { get; init; }

    /// <summary>WhatsApp account update: the policy violated (violation_info.violation_type).</summary>
    [Description("WhatsApp account update: the policy violated (violation_info.violation_type).")]
    public string? ViolationType { get; init; }

    /// <summary>WhatsApp account update: the business's primary country (country, ISO 3166-1 alpha-2).</summary>
    [Description("WhatsApp account update: the business's primary country (country, ISO 3166-1 alpha-2).")]
    public string? Country { get; init; }

    /// <summary>WhatsApp account update: the WABA a partner or ad-account event names (waba_info.waba_id).</summary>
    [Description("WhatsApp account update: the WABA a partner or ad-account event names (waba_info.waba_id).")]
    public string? WabaId { get; init; }

    /// <summary>WhatsApp account update: the business portfolio that owns that WABA (waba_info.owner_business_id).</summary>
    [Description("WhatsApp account update: the business portfolio that owns that WABA (waba_info.owner_business_id).")]
    public string? OwnerBusinessId { get; init; }

    /// <summary>WhatsApp account update: the partner app installed or uninstalled (waba_info.partner_app_id).</summary>
    [Description("WhatsApp account update: the partner app installed or uninstalled (waba_info.partner_app_id).")]
    public string? PartnerAppId { get; init; }

    /// <summary>WhatsApp account alert: what the alert is about (entity_type: BUSINESS, PHONE_NUMBER…).</summary>
    [Description("WhatsApp account alert: what the alert is about (entity_type: BUSINESS, PHONE_NUMBER…).")]
    public string? EntityType { get; init; }

    /// <summary>WhatsApp account alert: the business portfolio or phone number id (entity_id).</summary>
    [Description("WhatsApp account alert: the business portfolio or phone number id (entity_id).")]
    public string? EntityId { get; init; }

    /// <summary>WhatsApp account alert: its type (alert_info.alert_type, e.g. OBA_APPROVED, PROFILE_PICTURE_LOST).</summary>
    [Description("WhatsApp account alert: its type (alert_info.alert_type, e.g. OBA_APPROVED, PROFILE_PICTURE_LOST).")]
    public string? AlertType { get; init; }

    /// <summary>WhatsApp account alert: its severity (alert_info.alert_severity: CRITICAL, WARNING, INFORMATIONAL).</summary>
    [Description("WhatsApp account alert: its severity (alert_info.alert_severity: CRITICAL, WARNING, INFORMATIONAL).")]
    public string? AlertSeverity { get; init; }

    /// <summary>WhatsApp account alert: its status (alert_info.alert_status: ACTIVE, NONE).</summary>
    [Description("WhatsApp account alert: its status (alert_info.alert_status: ACTIVE, NONE).")]
    public string? AlertStatus { get; init; }

    /// <summary>WhatsApp security: the Meta Business Suite user who asked for a PIN reset (requester).</summary>
    [Description("WhatsApp security: the Meta Business Suite user who asked for a PIN reset (requester).")]
    public string? Requester { get; init; }
}
