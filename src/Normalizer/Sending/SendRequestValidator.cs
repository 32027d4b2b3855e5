using FluentValidation;

namespace Normalizer.Sending;

/// <summary>The shape of a send request; what Meta would refuse anyway is refused here, before any call.</summary>
public sealed class SendRequestValidator : AbstractValidator<SendRequest>
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "text", "image", "audio", "video", "file", "buttons", "list", "whatsapp_template", "sender_action",
    };

    private static readonly HashSet<string> MessagingTypes = new(StringComparer.Ordinal) { "RESPONSE", "UPDATE", "MESSAGE_TAG", "UTILITY" };

    /// <summary>Builds the rules.</summary>
    public SendRequestValidator()
    {
        RuleFor(r => r.To).NotEmpty().WithMessage("'to' is required: a scoped ID, a contact id or a conversation id");
        RuleFor(r => r.Message.Type).Must(Types.Contains)
            .WithMessage(r => $"'message.type' must be one of {string.Join(", ", Types)}");
        RuleFor(r => r.Message).Must(m => !string.IsNullOrEmpty(m.Body) || m.Template is not null)
            .When(r => r.Message.Type is "text" or "buttons" or "list")
            .WithMessage("'message.body' or 'message.template' is required for this message type");
        RuleFor(r => r.Message.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .When(r => r.Message.Type is "image" or "audio" or "video" or "file")
            .WithMessage("'message.url' must be an absolute http(s) URL for media");
        RuleFor(r => r.Message.Buttons).NotEmpty().When(r => r.Message.Type == "buttons")
            .WithMessage("'message.buttons' is required for type buttons");
        RuleFor(r => r.Message.Sections).NotEmpty().When(r => r.Message.Type == "list")
            .WithMessage("'message.sections' is required for type list");
        RuleFor(r => r.Message.WhatsappTemplate).Must(t => t is { ValueKind: System.Text.Json.JsonValueKind.Object } o && o.TryGetProperty("name"u8, out _))
            .When(r => r.Message.Type == "whatsapp_template")
            .WithMessage("'message.whatsapp_template' must be an object with a 'name'");
        RuleFor(r => r.Message.Category).Must(c => c is null or "marketing" or "utility" or "authentication")
            .WithMessage("'message.category' must be marketing, utility or authentication");
        RuleFor(r => r.Message.Action).Must(a => a is "typing_on" or "typing_off" or "mark_seen")
            .When(r => r.Message.Type == "sender_action")
            .WithMessage("'message.action' must be typing_on, typing_off or mark_seen");
        RuleFor(r => r.Message.Template).Matches("^[a-z0-9_]{1,64}$").When(r => r.Message.Template is not null)
            .WithMessage("'message.template' must match [a-z0-9_]{1,64}");
        RuleFor(r => r.MessagingType).Must(t => t is null || MessagingTypes.Contains(t))
            .WithMessage("'messaging_type' must be RESPONSE, UPDATE, MESSAGE_TAG or UTILITY");
        RuleFor(r => r.Tag).NotEmpty().When(r => r.MessagingType == "MESSAGE_TAG")
            .WithMessage("'tag' is required with messaging_type MESSAGE_TAG");
        RuleFor(r => r.Tag).Null().When(r => r.MessagingType is not null and not "MESSAGE_TAG")
            .WithMessage("'tag' is only allowed with messaging_type MESSAGE_TAG");
        RuleFor(r => r.FallbackChannels).Must(c => c is null || c.Distinct().Count() == c.Count)
            .WithMessage("'fallback_channels' lists a channel twice");
    }
}
