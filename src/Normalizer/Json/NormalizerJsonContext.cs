using System.Text.Json.Serialization;
using Normalizer.Events;

namespace Normalizer.Json;

/// <summary>Source-generated serialization of Normalizer's own types: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(NormalizedEvent))]
[JsonSerializable(typeof(List<NormalizedEvent>))]
[JsonSerializable(typeof(Identity.UserProfile))]
[JsonSerializable(typeof(Identity.Contact))]
[JsonSerializable(typeof(Sending.SendRequest))]
[JsonSerializable(typeof(Sending.SendResult))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
public sealed partial class NormalizerJsonContext : JsonSerializerContext;
