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

    /// <summary>Builds the rules; "now" comes from <paramref name="time"/>, the ID types from <paramref name="channels"/>.</summary>
    public NormalizedEventValidator(TimeProvider time, ChannelRegistry channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        RuleFor(e => e.Id).NotEmpty().Must(id => id.StartsWith("evt_", StringComparison.Ordinal))
            .WithMessage("'id' must be an evt_ id");
        RuleFor(e => e.Platform).Must(Enum.IsDefined).WithMessage("'platform' is not a known platform");
        RuleFor(e => e.Event).Must(EventName.IsKnown).WithMessage(e => $"'event' '{e.Event}' is not a known event name");
        RuleFor(e => e.PageId).NotEmpty().When(e => e.Event != EventName.UnknownReceived)
            .WithMessage("'page_id' must not be empty");
        RuleFor(e => e.PageIdType).Must((e, t) => channels.IdsOf(e.Platform)?.IsBusiness(t) == true)
            .WithMessage(e => $"'page_id_type' {IdTypes.ToWire(e.PageIdType)} does not belong to platform {e.Platform.ToWire()}");
        RuleFor(e => e.Timestamp)
            .Must(t => t >= Timestamps.Earliest && t <= time.GetUtcNow().AddDays(1).ToUnixTimeSeconds())
            .WithMessage(e => $"'timestamp' {e.Timestamp} is not a plausible Unix time in seconds");
        RuleFor(e => e.TimestampMs).Must((e, ms) => ms is null || ms / 1000 == e.Timestamp)
            .WithMessage("'timestamp_ms' disagrees with 'timestamp'");

        Tagged("from", e => e.From, e => e.FromType, (p, t) => channels.IdsOf(p)?.BelongsTo(t) == true);
        Tagged("to", e => e.To, e => e.ToType, (p, t) => channels.IdsOf(p)?.BelongsTo(t) == true);
        Tagged("user_id", e => e.UserId, e => e.UserIdType, (p, t) => channels.IdsOf(p)?.IsUser(t) == true);

        RuleFor(e => e.UserId).NotNull().When(e => NeedsUser.Contains(e.Event))
            .WithMessage(e => $"'{e.Event}' needs a 'user_id'");
        RuleFor(e => e.ConversationId).Must((e, c) => (c is null) == (e.UserId is null))
            .WithMessage("'conversation_id' must be present exactly when 'user_id' is");
        RuleFor(e => e.Raw.IsObject).Equal(true).WithMessage("'raw' must be the original JSON object");
    }

    // One rule per tagged field (each rule costs FluentValidation a state machine per event): the value, if any, is not
    // blank, comes with its type, and the type belongs to the platform.
    private void Tagged(string name, Func<NormalizedEvent, string?> value, Func<NormalizedEvent, IdType?> type,
        Func<Platform, IdType, bool> allowed)
    {
        RuleFor(e => e).Custom((e, context) =>
        {
            var (id, idType) = (value(e), type(e));
            if (id is not null && string.IsNullOrWhiteSpace(id))
            {
                context.AddFailure(name, $"'{name}' must not be empty");
            }

            if ((id is null) != (idType is null))
            {
                context.AddFailure(name, $"'{name}' and '{name}_type' must be given together");
            }

            if (idType is { } t && !allowed(e.Platform, t))
            {
                context.AddFailure(name, $"'{name}_type' {IdTypes.ToWire(t)} does not belong to platform {e.Platform.ToWire()}");
            }
        });
    }
}
