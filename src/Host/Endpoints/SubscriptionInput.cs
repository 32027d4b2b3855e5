using System.Security.Cryptography;
using Normalizer.Delivery;
using Normalizer.Events;

namespace Normalizer.Host.Endpoints;

/// <summary>Checks a <see cref="SubscriptionRequest"/> field by field; a problem names the field and never echoes a secret.</summary>
internal static class SubscriptionInput
{
    private const int MaxUrlLength = 2048;
    private const int MaxPageIdLength = 64;

    public static Subscription? Create(SubscriptionRequest request, DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (request.Url is not { Length: > 0 and <= MaxUrlLength } text ||
            !Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"'url' must be an absolute http or https URL of at most {MaxUrlLength} characters";
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            // Credentials in a URL end up in logs and listings; put them in the path or query if the endpoint needs them.
            problem = "'url' must not contain user info (user:password@); the webhook signature authenticates the sender";
            return null;
        }

        if (request.Secret is not null && !WebhookSecret.IsValid(request.Secret))
        {
            problem = $"'secret' must be '{WebhookSecret.Prefix}' followed by the base64 of {WebhookSecret.MinBytes}–{WebhookSecret.MaxBytes} bytes; omit it to have one generated";
            return null;
        }

        foreach (var (field, list) in new[] { ("platforms", request.Platforms), ("page_ids", request.PageIds), ("events", request.Events) })
        {
            if (list is { Count: 0 })
            {
                problem = $"'{field}' must not be empty; omit it to receive all";
                return null;
            }
        }

        List<Platform>? platforms = null;
        if (request.Platforms is not null)
        {
            platforms = [];
            foreach (var name in request.Platforms)
            {
                if (!PlatformNames.TryParse(name, out var platform))
                {
                    problem = "'platforms' may only contain facebook, instagram and whatsapp";
                    return null;
                }

                if (!platforms.Contains(platform))
                {
                    platforms.Add(platform);
                }
            }
        }

        if (request.PageIds is not null && request.PageIds.Any(id => !IsPageId(id)))
        {
            problem = $"'page_ids' must contain ids of 1–{MaxPageIdLength} letters, digits, '_', '-' or '.'";
            return null;
        }

        if (request.Events is not null && request.Events.Any(e => !EventName.IsKnown(e)))
        {
            var unknown = request.Events.First(e => !EventName.IsKnown(e));
            problem = $"'events' contains '{ApiError.Shown(unknown ?? "null")}', which is not an event name (e.g. {EventName.MessageReceived})";
            return null;
        }

        return new Subscription
        {
            Id = "sub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Url = url,
            Secret = request.Secret ?? WebhookSecret.Generate(),
            Platforms = platforms,
            PageIds = request.PageIds?.Distinct(StringComparer.Ordinal).ToList(),
            Events = request.Events?.Distinct(StringComparer.Ordinal).ToList(),
            CreatedAt = now,
        };
    }

    private static bool IsPageId(string? id) =>
        id is { Length: > 0 and <= MaxPageIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
