using Normalizer.Identity;

namespace Normalizer.Host.Endpoints;

/// <summary><c>{ "id": person_id, "contacts": [contact…] }</c>, the contacts as <c>GET /v1/contacts</c> gives them.</summary>
public sealed record PersonView(string Id, IReadOnlyList<Contact> Contacts);
