using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Templates;
using Polly;
using Polly.Retry;

namespace Normalizer.Sending;

/// <summary>
/// The one send API (README: sending): resolves the recipient and the token of the business ID that owns it,
/// checks the reply window, sends through the channel with retries on transient / rate-limited answers and
/// per-token pacing, and on <c>invalid_recipient</c> falls back: refreshed ID → another channel → queue.
/// </summary>
public sealed partial class SendService(
    ICredentialStore credentials, IContactStore contacts, IConversationStore conversations, IPendingSendStore pending,
    IEnumerable<IIdMatchingClient> idMatching, ITemplateRenderer templates, IEnumerable<IChannelSender> senders, SendRateLimiter limiter,
    RelinkedEvents relinkedEvents, IPageSendErrors sendErrors, SendMetrics metrics, IOptionsMonitor<SendOptions> options, TimeProvider time,
    ILogger<SendService> logger)
{
    private readonly Dictionary<Platform, IChannelSender> _senders = senders.ToDictionary(s => s.Platform);
    private readonly Dictionary<Platform, IIdMatchingClient> _idMatching = idMatching.ToDictionary(m => m.Platform);

    /// <summary>Sends; the result names the channel, page and recipient used, every attempt and the fallback taken.</summary>
    public async Task<SendResult> SendAsync(SendRequest request, CancellationToken cancellationToken)
    {
        var attempts = new List<SendAttempt>();
        var (target, problem) = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return Failed(problem!, attempts);
        }

        var outcome = await SendToAsync(request, target, attempts, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is not { Kind: SendErrorKind.InvalidRecipient } error)
        {
            return Finish(target, outcome, attempts, fallback: null);
        }

        LogUnreachable(logger, target.Platform.ToWire(), target.PageId);
        return await FallBackAsync(request, target, error, attempts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a queued send taken by a host may wait for its outcome before another host may take it again.</summary>
    public static readonly TimeSpan PendingSendLease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sends the person's queued messages to <paramref name="contact"/> (the contact that wrote, on whichever channel), oldest first; each only once it is taken for this
    /// host (<see cref="IPendingSendStore.ClaimAsync"/>), so hosts that relink the same person at once send it once.
    /// </summary>
    public async Task<IReadOnlyList<SendResult>> FlushPendingAsync(Contact contact, CancellationToken cancellationToken)
    {
        var results = new List<SendResult>();
        foreach (var queued in await pending.ListPendingAsync(contact.PersonId, cancellationToken).ConfigureAwait(false))
        {
            if (!await pending.ClaimAsync(queued.Id, PendingSendLease, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var request = queued.Request with
            {
                To = contact.ScopedId, PageId = contact.ScopeId, Platform = contact.Platform, QueueIfUnreachable = false, FallbackChannels = null,
            };
            if (queued.Request.Platform is { } queuedOn && queuedOn != contact.Platform)
            {
                // The person wrote on another channel: a reply in the window it opened, without the first channel's tag.
                request = request with { MessagingType = null, Tag = null };
            }

            var result = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            await pending.CompleteAsync(queued.Id, result, cancellationToken).ConfigureAwait(false);
            results.Add(result);
        }

        return results;
    }

    // One send to one channel, counted by its channel and error kind.
    private async Task<ChannelSendOutcome> SendToAsync(SendRequest request, SendTarget target, List<SendAttempt> attempts,
        CancellationToken cancellationToken)
    {
        var outcome = await SendOnceAsync(request, target, attempts, cancellationToken).ConfigureAwait(false);
        metrics.Sent(target.Platform, outcome.Error?.Kind);
        return outcome;
    }

    private async Task<ChannelSendOutcome> SendOnceAsync(SendRequest request, SendTarget target, List<SendAttempt> attempts,
        CancellationToken cancellationToken)
    {
        var page = await credentials.FindPageAsync(target.PageId, cancellationToken).ConfigureAwait(false);
        if (page is null || page.Platform != target.Platform || !_senders.TryGetValue(target.Platform, out var sender))
        {
            return Refuse(SendErrorKind.BadRequest, page is null
                ? $"no access token is configured for {target.Platform.ToWire()} page_id {target.PageId}"
                : $"page_id {target.PageId} is a {page.Platform.ToWire()} ID, not {target.Platform.ToWire()}");
        }

        var (message, renderError) = await RenderAsync(request, target.Contact, cancellationToken).ConfigureAwait(false);
        if (renderError is not null)
        {
            return ChannelSendOutcome.Failed(renderError);
        }

        if (message.Category == "marketing" && target.Contact is { MarketingOptOut: true })
        {
            return Refuse(SendErrorKind.OptedOut,
                $"the customer stopped marketing messages from {target.Platform.ToWire()} page_id {target.PageId}: only other messages may go until they resume them");
        }

        var settings = options.CurrentValue;
        var messagingType = request.MessagingType ?? (request.Tag is null ? "RESPONSE" : "MESSAGE_TAG");
        if (SendWindow.Check(sender, message, messagingType, request.Tag, target.LastInboundAt, time.GetUtcNow(), settings) is { } closed)
        {
            return ChannelSendOutcome.Failed(closed);
        }

        var call = new ChannelSendRequest(page, target.Recipient, message, messagingType, request.Tag);
        var sent = await Retry(settings).ExecuteAsync(async token =>
        {
            await limiter.AcquireAsync(page.AccessToken, token).ConfigureAwait(false);
            var outcome = await sender.SendAsync(call, token).ConfigureAwait(false);
            attempts.Add(new SendAttempt
            {
                Platform = target.Platform, PageId = target.PageId, To = target.Recipient.Value,
                Outcome = outcome.Error is { } e ? Wire(e.Kind) : "sent", MessageId = outcome.MessageId, Error = outcome.Error,
            });
            return outcome;
        }, cancellationToken).ConfigureAwait(false);
        if (sent.Error is { } failure)
        {
            await RecordFailureAsync(target, failure, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<(OutboundMessage Message, SendError? Error)> RenderAsync(SendRequest request, Contact? contact, CancellationToken cancellationToken)
    {
        var message = request.Message;
        if (message.Template is not { } name)
        {
            return (message, null);
        }

        var locale = message.Locale ?? contact?.Profile?.Locale;
        var body = await templates.RenderAsync(name, locale, contact?.Profile, request.Data, cancellationToken).ConfigureAwait(false);
        return body is null
            ? (message, new SendError { Kind = SendErrorKind.BadRequest, Message = $"no template named '{name}'" })
            : (message with { Body = body, Template = null }, null);
    }

    // Retries only what may succeed later; Meta's own wait hint wins over the backoff (capped).
    private ResiliencePipeline<ChannelSendOutcome> Retry(SendOptions settings) => settings.MaxAttempts <= 1
        ? ResiliencePipeline<ChannelSendOutcome>.Empty
        : new ResiliencePipelineBuilder<ChannelSendOutcome> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<ChannelSendOutcome>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Error?.Kind is SendErrorKind.Transient or SendErrorKind.RateLimited),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } hint
                    ? (TimeSpan?)(hint < settings.MaxDelay ? hint : settings.MaxDelay)
                    : null),
            })
            .Build();

    private static SendResult Finish(SendTarget target, ChannelSendOutcome outcome, List<SendAttempt> attempts, string? fallback) => new()
    {
        Status = outcome.Error is null ? SendStatus.Sent : SendStatus.Failed,
        Platform = target.Platform,
        PageId = target.PageId,
        To = target.Recipient.Value,
        MessageId = outcome.MessageId,
        Fallback = outcome.Error is null ? fallback : null,
        Attempts = attempts,
        Error = outcome.Error,
    };

    private static SendResult Failed(SendError error, List<SendAttempt> attempts) =>
        new() { Status = SendStatus.Failed, Attempts = attempts, Error = error };

    private static ChannelSendOutcome Refuse(SendErrorKind kind, string message) =>
        ChannelSendOutcome.Failed(new SendError { Kind = kind, Message = message });

    // The wire names of SendErrorKind are its member names in snake_case (see its JsonStringEnumMemberName).
    internal static string Wire(SendErrorKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    // The Page's token health: the send's outcome stands even when the store cannot keep the error.
    private async Task RecordFailureAsync(SendTarget target, SendError failure, CancellationToken cancellationToken)
    {
        try
        {
            await sendErrors.RecordAsync(new PageSendError
            {
                PageId = target.PageId, Platform = target.Platform, Kind = failure.Kind, Code = failure.Code, Message = failure.Message,
                At = time.GetUtcNow(),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            LogSendErrorNotKept(logger, ex, target.Platform.ToWire(), target.PageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed send's error on {Platform} page {PageId} could not be kept")]
    private static partial void LogSendErrorNotKept(ILogger logger, Exception exception, string platform, string pageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipient unreachable on {Platform} page {PageId}; trying fallbacks")]
    private static partial void LogUnreachable(ILogger logger, string platform, string pageId);
}
