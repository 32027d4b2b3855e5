using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary>A Page's last failed send: <c>code</c> is always present (null when Meta gave none).</summary>
public sealed record PageSendErrorView(
    string PageId, string Platform, string Kind, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Code, string Message,
    DateTimeOffset At);
