using Normalizer.Ids;

namespace Normalizer.Channels;

/// <summary>
/// The ID types a channel's events carry (PRODUCT.md §3), declared by the channel: the pipeline's validator holds every
/// event to them, and events the core builds for the channel (<see cref="UnknownEvent"/>) take their <c>page_id_type</c> from them.
/// </summary>
public sealed class ChannelIdTypes
{
    /// <summary>The type of <c>page_id</c> and of the business side of <c>from</c>/<c>to</c> (PAGE_ID, IG_ACCOUNT_ID…).</summary>
    public required IdType Business { get; init; }

    /// <summary>Other types <c>page_id</c> may have on business-level events (a WhatsApp business account: WABA_ID).</summary>
    public IReadOnlyList<IdType> OtherBusiness { get; init; } = [];

    /// <summary>The types of the customer side: <c>user_id</c> and the customer side of <c>from</c>/<c>to</c>.</summary>
    public required IReadOnlyList<IdType> Users { get; init; }

    /// <summary>Whether <c>page_id</c> can be of this type.</summary>
    public bool IsBusiness(IdType type) => type == Business || OtherBusiness.Contains(type);

    /// <summary>Whether a customer ID can be of this type.</summary>
    public bool IsUser(IdType type) => Users.Contains(type);

    /// <summary>Whether <c>from</c> or <c>to</c> can be of this type.</summary>
    public bool BelongsTo(IdType type) => IsBusiness(type) || IsUser(type);
}
