using Normalizer.Ids;

namespace Normalizer.Ingest;

/// <summary>A customer ID with its scope: a PSID with its Page, an IGSID with its account, a wa_id/BSUID with its number.</summary>
/// <param name="Id">The customer's tagged ID.</param>
/// <param name="Scope">The business ID that scopes it.</param>
public readonly record struct ScopedId(TaggedId Id, TaggedId Scope);
