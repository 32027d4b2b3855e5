using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A handover protocol change.</summary>
public sealed record HandoverPart
{
    /// <summary>pass_thread_control, take_thread_control, request_thread_control or app_roles.</summary>
    [Description("pass_thread_control, take_thread_control, request_thread_control or app_roles.")]
    public required string Action { get; init; }

    /// <summary>App that owns the thread now.</summary>
    [Description("App that owns the thread now.")]
    public string? NewOwnerAppId { get; init; }

    /// <summary>App that owned the thread before (absent when the thread was idle).</summary>
    [Description("App that owned the thread before (absent when the thread was idle).")]
    public string? PreviousOwnerAppId { get; init; }

    /// <summary>App that requests thread control.</summary>
    [Description("App that requests thread control.")]
    public string? RequestedOwnerAppId { get; init; }

    /// <summary>Metadata the app passed along.</summary>
    [Description("Metadata the app passed along.")]
    public string? Metadata { get; init; }

    /// <summary>app_roles: each app id with its roles on the Page (primary_receiver, secondary_receiver).</summary>
    [Description("app_roles: each app id with its roles on the Page (primary_receiver, secondary_receiver).")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? AppRoles { get; init; }
}
