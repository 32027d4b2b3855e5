using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A shared location.</summary>
public sealed record LocationPart
{
    /// <summary>Latitude in degrees.</summary>
    [Description("Latitude in degrees.")]
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    [Description("Longitude in degrees.")]
    public double? Longitude { get; init; }

    /// <summary>Name of the place.</summary>
    [Description("Name of the place.")]
    public string? Name { get; init; }

    /// <summary>Address of the place.</summary>
    [Description("Address of the place.")]
    public string? Address { get; init; }

    /// <summary>URL of the place.</summary>
    [Description("URL of the place.")]
    public string? Url { get; init; }
}
