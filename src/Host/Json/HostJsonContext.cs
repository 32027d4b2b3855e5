using System.Text.Json.Serialization;
using Normalizer.Host.Endpoints;

namespace Normalizer.Host;

/// <summary>Source-generated JSON of the host's API types: snake_case, nulls omitted like in events (cursors excepted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Normalizer.Json.Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(EventPage))]
[JsonSerializable(typeof(QuarantinePage))]
[JsonSerializable(typeof(WebhookAccepted))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ContactList))]
[JsonSerializable(typeof(PersonView))]
[JsonSerializable(typeof(Normalizer.Identity.Contact))]
[JsonSerializable(typeof(ContactLinkRequest))]
[JsonSerializable(typeof(ResolveRequest))]
[JsonSerializable(typeof(ResolveResult))]
[JsonSerializable(typeof(SubscriptionRequest))]
[JsonSerializable(typeof(SubscriptionView))]
[JsonSerializable(typeof(SubscriptionList))]
[JsonSerializable(typeof(ReplayAccepted))]
[JsonSerializable(typeof(DeliveryList))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(PageList))]
[JsonSerializable(typeof(TemplateView))]
[JsonSerializable(typeof(TemplateList))]
[JsonSerializable(typeof(EventRates))]
[JsonSerializable(typeof(PageSendErrorList))]
[JsonSerializable(typeof(QuarantineRequeued))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
