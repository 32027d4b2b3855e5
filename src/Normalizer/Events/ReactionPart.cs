using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A reaction added or removed.</summary>
public sealed record ReactionPart
{
    /// <summary>The id of the message reacted to. On WhatsApp the reaction's own wamid is <c>message.id</c>.</summary>
    [Description("The id of the message reacted to. On WhatsApp the reaction's own wamid is message.id.")]
    public string? MessageId { get; init; }

    /// <summary>react or unreact.</summary>
    [Description("react or unreact.")]
    public required string Action { get; init; }

    /// <summary>The reaction name (Messenger: love, smile…).</summary>
    [Description("The reaction name (Messenger: love, smile…).")]
    public string? Reaction { get; init; }

    /// <summary>The emoji.</summary>
    [Description("The emoji.")]
    public string? Emoji { get; init; }
}
