using System.ComponentModel;
using System.Text.Json.Serialization;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Identity;

/// <summary>One scoped ID of a person on one channel (README: identity).</summary>
public sealed record Contact
{
    /// <summary>Contact id (UUID).</summary>
    [Description("Contact id (UUID).")]
    public required string Id { get; init; }

    /// <summary>The person this ID belongs to; linked contacts share it.</summary>
    [Description("The person this ID belongs to; contacts of several channels linked to one person share it.")]
    public required string PersonId { get; init; }

    /// <summary>The channel.</summary>
    [Description("Channel of the scoped ID.")]
    public required Platform Platform { get; init; }

    /// <summary>The scoped ID (PSID, IGSID, wa_id, BSUID).</summary>
    [Description("The scoped ID exactly as Meta gives it.")]
    public required string ScopedId { get; init; }

    /// <summary>Its type.</summary>
    [Description("Type of the scoped ID.")]
    public required IdType IdType { get; init; }

    /// <summary>The Page / account / number that scopes it.</summary>
    [Description("The Page, Instagram account or phone_number_id that scopes it.")]
    public required string ScopeId { get; init; }

    /// <summary>The app-scoped ID linked to it, if known; written as null when not.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("The app-scoped user ID (ASID) linked to it, or null.")]
    public string? Asid { get; init; }

    /// <summary>The app that scopes <see cref="Asid"/>; null when there is no ASID, or it was stored before its app was kept.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("The app that scopes asid (an ASID is unique only within its app), or null.")]
    public string? AsidAppId { get; init; }

    /// <summary>False once Meta said the ID is no longer valid.</summary>
    [Description("False once Meta said the ID is no longer reachable (e.g. a PSID reset).")]
    public required bool IsActive { get; init; }

    /// <summary>True once the customer stopped the business's marketing messages (and has not resumed them).</summary>
    [Description("True once the customer stopped the business's marketing messages and has not resumed them; marketing sends to it are refused.")]
    public bool MarketingOptOut { get; init; }

    /// <summary>First event from it.</summary>
    [Description("Time of the first event from it, RFC 3339.")]
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Last event from it.</summary>
    [Description("Time of the last event from it, RFC 3339.")]
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Cached profile fields; written as null when none are known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Profile fields fetched once from the Graph API and cached, or null.")]
    public UserProfile? Profile { get; init; }

    /// <summary>The ASID with its app, when both are known.</summary>
    [JsonIgnore]
    public AppScopedId? AppScoped => Asid is { } asid && AsidAppId is { } appId ? new AppScopedId(asid, appId) : null;

    /// <summary>The scoped ID as a tagged ID.</summary>
    [JsonIgnore]
    public TaggedId Tagged => new(IdType, ScopedId);
}
