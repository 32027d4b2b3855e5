using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Channels;

namespace Normalizer.Sending;

/// <summary>Registers the send service (the channels bring their senders, the host its credential store).</summary>
public static class SendingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SendService"/>, its validator, per-token pacing and <c>Normalizer:Send</c> options (validated at start).</summary>
    public static INormalizerBuilder AddSending(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SendOptions>().BindConfiguration(SendOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendOptions>, SendOptionsValidator>());
        builder.Services.TryAddSingleton<SendRateLimiter>();
        builder.Services.TryAddSingleton<SendService>();
        builder.Services.TryAddSingleton<Identity.RelinkedEvents>();
        builder.Services.TryAddSingleton<Identity.IdentityRelinker>();
        builder.Services.TryAddSingleton<Identity.PersonLinker>();
        builder.Services.TryAddSingleton<IValidator<SendRequest>, SendRequestValidator>();
        builder.Services.TryAddTransient<IRequestHandler<SendMessage, SendResult>, SendMessageHandler>();
        builder.Services.TryAddScoped<MessageSender>();
        return builder;
    }
}
