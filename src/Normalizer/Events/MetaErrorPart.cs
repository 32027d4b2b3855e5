using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>An error Meta reports inside a webhook.</summary>
public sealed record MetaErrorPart
{
    /// <summary>Meta's error code, as text.</summary>
    [Description("Meta's error code, as text.")]
    public string? Code { get; init; }

    /// <summary>Error title.</summary>
    [Description("Error title.")]
    public string? Title { get; init; }

    /// <summary>Error message.</summary>
    [Description("Error message.")]
    public string? Message { get; init; }

    /// <summary>error_data.details.</summary>
    [Description("error_data.details.")]
    public string? Details { get; init; }

    /// <summary>Link to Meta's error documentation.</summary>
    [Description("Link to Meta's error documentation.")]
    public string? Href { get; init; }
}
