using FluentValidation;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Ingest;

/// <summary>
/// What every stored event must satisfy: non-empty IDs, a known platform and event name, ID types that
/// the platform's channel declares (<see cref="IChannel.Ids"/>; none on a platform without a registered channel), and a timestamp between Facebook's founding and one day ahead of now. These are the normalizer's
/// own promises: a webhook's odd values are corrected where it reads them (an implausible timestamp falls back and says so
/// in <c>timestamp_source</c>), so a failure here is a defect of a channel, and the row is quarantined to be looked at.
/// </summary>
public sealed class NormalizedEventValidator : AbstractValidator<NormalizedEvent>
{
    private static readonly HashSet<string> NeedsUser = new(StringComparer.Ordinal)
    {
        EventName.MessageReceived, EventName.MessageEcho, EventName.MessageReaction, EventName.MessageEdited,
        EventName.PostbackReceived, EventName.MessageSent, EventName.MessageFailed, EventName.MessagePlayed,
    };

    private readonly TimeProvider _time;
    private readonly ChannelRegistry _channels;

    /// <summary>Builds the rule; "now" comes from <paramref name="time"/>, the ID types from <paramref name="channels"/>.</summary>
    public NormalizedEventValidator(TimeProvider time, ChannelRegistry channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        (_time, _channels) = (time, channels);
        // One rule for all the checks: every stored event passes here, and FluentValidation runs each rule through a state
        // machine and a context of its own (thirteen rules were a tenth of the inbox processor's time per event).
        RuleFor(e => e).Custom(Check);
    }

    private void Check(NormalizedEvent e, ValidationContext<NormalizedEvent> context)
    {
        if (string.IsNullOrEmpty(e.Id) || !e.Id.StartsWith("evt_", StringComparison.Ordinal))
        {
            context.AddFailure("id", "'id' must be an evt_ id");
        }

        if (!Enum.IsDefined(e.Platform))
        {
            context.AddFailure("platform", "'platform' is not a known platform");
        }

        if (!EventName.IsKnown(e.Event))
        {
            context.AddFailure("event", $"'event' '{e.Event}' is not a known event name");
        }

        if (string.IsNullOrWhiteSpace(e.PageId) && e.Event != EventName.UnknownReceived)
        {
            context.AddFailure("page_id", "'page_id' must not be empty");
        }

        var ids = _channels.IdsOf(e.Platform);
        if (ids?.IsBusiness(e.PageIdType) != true)
        {
            context.AddFailure("page_id_type", $"'page_id_type' {IdTypes.ToWire(e.PageIdType)} does not belong to platform {e.Platform.ToWire()}");
        }

        if (e.Timestamp < Timestamps.Earliest || e.Timestamp > _time.GetUtcNow().AddDays(1).ToUnixTimeSeconds())
        {
            context.AddFailure("timestamp", $"'timestamp' {e.Timestamp} is not a plausible Unix time in seconds");
        }

        if (e.TimestampMs is { } ms && ms / 1000 != e.Timestamp)
        {
            context.AddFailure("timestamp_ms", "'timestamp_ms' disagrees with 'timestamp'");
        }

        Tagged(context, e, "from", e.From, e.FromType, ids is not null && e.FromType is { } from && ids.BelongsTo(from));
        Tagged(context, e, "to", e.To, e.ToType, ids is not null && e.ToType is { } to && ids.BelongsTo(to));
        Tagged(context, e, "user_id", e.UserId, e.UserIdType, ids is not null && e.UserIdType is { } user && ids.IsUser(user));

        if (e.UserId is null && NeedsUser.Contains(e.Event))
        {
            context.AddFailure("user_id", $"'{e.Event}' needs a 'user_id'");
        }

        if ((e.ConversationId is null) != (e.UserId is null))
        {
            context.AddFailure("conversation_id", "'conversation_id' must be present exactly when 'user_id' is");
        }

        if (!e.Raw.IsObject)
        {
            context.AddFailure("raw", "'raw' must be the original JSON object");
        }
    }

    // A tagged field: the value, if any, is not blank, comes with its type, and the type belongs to the platform.
    private static void Tagged(ValidationContext<NormalizedEvent> context, NormalizedEvent e, string name, string? id, IdType? type,
        bool allowed)
    {
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            context.AddFailure(name, $"'{name}' must not be empty");
        }

        if ((id is null) != (type is null))
        {
            context.AddFailure(name, $"'{name}' and '{name}_type' must be given together");
        }

        if (type is { } t && !allowed)
        {
            context.AddFailure(name, $"'{name}_type' {IdTypes.ToWire(t)} does not belong to platform {e.Platform.ToWire()}");
        }
    }
}
