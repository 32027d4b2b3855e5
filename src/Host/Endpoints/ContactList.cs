using Normalizer.Identity;

namespace Normalizer.Host.Endpoints;

/// <summary><c>{ "data": [contact…] }</c>.</summary>
public sealed record ContactList(IReadOnlyList<Contact> Data);
