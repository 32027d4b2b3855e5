using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>An opt-in or opt-out.</summary>
public sealed record OptinPart
{
    /// <summary>Opt-in type, e.g. notification_messages, one_time_notif_req.</summary>
    [Description("Opt-in type, e.g. notification_messages, one_time_notif_req.")]
    public string? Type { get; init; }

    /// <summary>Payload set on the opt-in request.</summary>
    [Description("Payload set on the opt-in request.")]
    public string? Payload { get; init; }

    /// <summary>Send-to-Messenger / checkbox plugin ref.</summary>
    [Description("Send-to-Messenger / checkbox plugin ref.")]
    public string? Ref { get; init; }

    /// <summary>Checkbox plugin user_ref.</summary>
    [Description("Checkbox plugin user_ref.")]
    public string? UserRef { get; init; }

    /// <summary>Title of the opt-in request.</summary>
    [Description("Title of the opt-in request.")]
    public string? Title { get; init; }

    /// <summary>Token to send marketing messages with.</summary>
    [Description("Token to send marketing messages with.")]
    public string? NotificationMessagesToken { get; init; }

    /// <summary>Expiry of that token, Unix ms.</summary>
    [Description("Expiry of that token, Unix ms.")]
    public long? TokenExpiryTimestamp { get; init; }

    /// <summary>REFRESHED or NOT_REFRESHED.</summary>
    [Description("REFRESHED or NOT_REFRESHED.")]
    public string? UserTokenStatus { get; init; }

    /// <summary>Timezone of the user for marketing messages.</summary>
    [Description("Timezone of the user for marketing messages.")]
    public string? NotificationMessagesTimezone { get; init; }

    /// <summary>STOP_NOTIFICATIONS or RESUME_NOTIFICATIONS (present only on stop/resume).</summary>
    [Description("STOP_NOTIFICATIONS or RESUME_NOTIFICATIONS (present only on stop/resume).")]
    public string? NotificationMessagesStatus { get; init; }
}
