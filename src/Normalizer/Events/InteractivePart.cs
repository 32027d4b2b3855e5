using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A reply to an interactive element (WhatsApp buttons, lists, template quick-reply buttons, flows).</summary>
public sealed record InteractivePart
{
    /// <summary>button_reply, list_reply, button (template quick reply), nfm_reply (flow)…</summary>
    [Description("button_reply, list_reply, button (template quick reply), nfm_reply (flow)…")]
    public required string Type { get; init; }

    /// <summary>The id (or payload) of the chosen element.</summary>
    [Description("The id (or payload) of the chosen element.")]
    public string? Id { get; init; }

    /// <summary>The title (or text) of the chosen element.</summary>
    [Description("The title (or text) of the chosen element.")]
    public string? Title { get; init; }

    /// <summary>The description of a chosen list row.</summary>
    [Description("The description of a chosen list row.")]
    public string? Description { get; init; }

    /// <summary>Flow (nfm_reply) answer, a JSON string as WhatsApp sends it.</summary>
    [Description("Flow (nfm_reply) answer, a JSON string as WhatsApp sends it.")]
    public string? ResponseJson { get; init; }
}
