using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlContactStore(IStoreConnectionFactory connections) : IContactStore
{
    private const string Columns =
        "id AS Id, person_id AS PersonId, platform AS Platform, scoped_id AS ScopedId, id_type AS IdType, scope_id AS ScopeId, " +
        "asid AS Asid, asid_app_id AS AsidAppId, is_active AS IsActive, first_seen AS FirstSeen, last_seen AS LastSeen, profile AS Profile, " +
        "marketing_opt_out AS MarketingOptOut";

    public Task<Contact?> GetAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync("SELECT " + Columns + " FROM contacts WHERE id = @id", new { id }, cancellationToken);

    public Task<Contact?> FindAsync(string scopedId, string scopeId, CancellationToken cancellationToken) =>
        SingleAsync("SELECT " + Columns + " FROM contacts WHERE scoped_id = @scopedId AND scope_id = @scopeId", new { scopedId, scopeId }, cancellationToken);

    public Task<IReadOnlyList<Contact>> ListByPersonAsync(string personId, CancellationToken cancellationToken) =>
        ListAsync("SELECT " + Columns + " FROM contacts WHERE person_id = @personId ORDER BY first_seen", new { personId }, cancellationToken);

    public Task<IReadOnlyList<Contact>> ListByScopedIdsAsync(string scopeId, IReadOnlyList<string> scopedIds, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM contacts WHERE scope_id = @scopeId AND {connections.Dialect.InList("scoped_id", "@scopedIds")}",
            new { scopeId, scopedIds = scopedIds.ToArray() }, cancellationToken);

    public Task<IReadOnlyList<Contact>> ListByAsidAsync(AppScopedId asid, CancellationToken cancellationToken) =>
        ListAsync("SELECT " + Columns + " FROM contacts WHERE asid = @Asid AND asid_app_id = @AppId ORDER BY first_seen",
            new { asid.Asid, asid.AppId }, cancellationToken);

    public Task<IReadOnlyList<Contact>> ListStaleWithAsidAsync(string scopeId, int limit, CancellationToken cancellationToken) =>
        ListAsync(connections.Dialect.Limit(
            "SELECT " + Columns + " FROM contacts WHERE scope_id = @scopeId AND is_active = 0 AND asid IS NOT NULL ORDER BY last_seen DESC, id",
            "@limit"), new { scopeId, limit }, cancellationToken);

    public Task<IReadOnlyList<Contact>> ListStaleByProfileAsync(string scopeId, string profileKey, string exceptId, CancellationToken cancellationToken) =>
        ListAsync(connections.Dialect.Limit(
            "SELECT " + Columns + " FROM contacts WHERE scope_id = @scopeId AND profile_key = @profileKey AND is_active = 0 AND id <> @exceptId " +
            "ORDER BY last_seen DESC, id", "@limit"), new { scopeId, profileKey, exceptId, limit = 2 }, cancellationToken);

    public async Task MergePersonsAsync(string fromPersonId, string toPersonId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE contacts SET person_id = @toPersonId WHERE person_id = @fromPersonId",
            new { fromPersonId, toPersonId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task MarkInactiveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE contacts SET is_active = 0 WHERE id = @id", new { id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task LinkAsync(string id, AppScopedId? asid, string? personId, UserProfile? profile, CancellationToken cancellationToken)
    {
        // The ASID and its app are written together or not at all.
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE contacts SET asid = COALESCE(@asid, asid), asid_app_id = CASE WHEN @asid IS NULL THEN asid_app_id ELSE @asidAppId END,
                person_id = COALESCE(@personId, person_id),
                profile_key = CASE WHEN @profile IS NULL THEN profile_key ELSE @profileKey END, profile = COALESCE(@profile, profile)
            WHERE id = @id
            """, new
        {
            id, asid = asid?.Asid, asidAppId = asid?.AppId, personId,
            profile = profile is null ? null : JsonSerializer.Serialize(profile, NormalizerJsonContext.Default.UserProfile),
            profileKey = ProfileKey.Of(profile),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task SaveAsync(Contact contact, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(connections.Dialect.Upsert("contacts",
            "id, person_id, platform, scoped_id, id_type, scope_id, asid, asid_app_id, is_active, first_seen, last_seen, profile, profile_key",
            "@Id, @PersonId, @Platform, @ScopedId, @IdType, @ScopeId, @Asid, @AsidAppId, @IsActive, @FirstSeen, @LastSeen, @Profile, @ProfileKey",
            "scoped_id, scope_id", """
                person_id = excluded.person_id, asid = COALESCE(excluded.asid, contacts.asid),
                asid_app_id = CASE WHEN excluded.asid IS NULL THEN contacts.asid_app_id ELSE excluded.asid_app_id END,
                is_active = excluded.is_active,
                last_seen = CASE WHEN excluded.last_seen > contacts.last_seen THEN excluded.last_seen ELSE contacts.last_seen END,
                profile_key = CASE WHEN excluded.profile IS NULL THEN contacts.profile_key ELSE excluded.profile_key END,
                profile = COALESCE(excluded.profile, contacts.profile)
            """), new
        {
            contact.Id, contact.PersonId, Platform = contact.Platform.ToWire(), contact.ScopedId, IdType = IdTypes.ToWire(contact.IdType),
            contact.ScopeId, contact.Asid, contact.AsidAppId, IsActive = contact.IsActive ? 1 : 0, FirstSeen = contact.FirstSeen.ToUnixTimeMilliseconds(),
            LastSeen = contact.LastSeen.ToUnixTimeMilliseconds(),
            Profile = contact.Profile is null ? null : JsonSerializer.Serialize(contact.Profile, NormalizerJsonContext.Default.UserProfile),
            ProfileKey = ProfileKey.Of(contact.Profile),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<Contact?> SingleAsync(string sql, object args, CancellationToken cancellationToken) =>
        (await ListAsync(sql, args, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    private async Task<IReadOnlyList<Contact>> ListAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToContact).ToList();
    }

    private static Contact ToContact(Row row)
    {
        PlatformNames.TryParse(row.Platform, out var platform);
        return new Contact
        {
            Id = row.Id, PersonId = row.PersonId, Platform = platform, ScopedId = row.ScopedId, IdType = ParseIdType(row.IdType),
            ScopeId = row.ScopeId, Asid = row.Asid, AsidAppId = row.AsidAppId, IsActive = row.IsActive != 0, MarketingOptOut = row.MarketingOptOut != 0,
            FirstSeen = DateTimeOffset.FromUnixTimeMilliseconds(row.FirstSeen), LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(row.LastSeen),
            Profile = row.Profile is null ? null : JsonSerializer.Deserialize(row.Profile, NormalizerJsonContext.Default.UserProfile),
        };
    }

    private static IdType ParseIdType(string wire) => Enum.GetValues<IdType>().First(t => IdTypes.ToWire(t) == wire);

    private sealed record Row(string Id, string PersonId, string Platform, string ScopedId, string IdType, string ScopeId, string? Asid,
        string? AsidAppId, long IsActive, long FirstSeen, long LastSeen, string? Profile, long MarketingOptOut);
}
