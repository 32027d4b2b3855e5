using Normalizer.Credentials;
using Normalizer.Storage.Dapper;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>Writes that replace a row by its key, from several hosts at once: every one succeeds, one row remains.</summary>
public abstract class ReplaceRaceContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private const int Writers = 8;

    [StoreFact]
    public async Task PageToken_SetByEightWritersAtOnce_EachSucceeds_OneRowRemainsWithOneOfTheirTokens()
    {
        var tokens = new SqlPageTokenStore(Store.Connections);

        var created = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => tokens.UpsertAsync(new StoredPageToken
        {
            PageId = "104523987765432", Platform = "facebook", ProtectedToken = $"protected-{i}", CreatedAt = i, UpdatedAt = i,
        }, default))));

        var stored = Assert.Single(await tokens.ListAsync(default));
        Assert.Single(created, first => first);
        Assert.StartsWith("protected-", stored.ProtectedToken, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Template_ReplacedByEightWritersAtOnce_EachSucceeds_OneWritersVariantsRemain()
    {
        var templates = new SqlTemplateStore(Store.Connections);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => templates.ReplaceAsync("welcome",
            new Dictionary<string, string> { ["en"] = $"hello {i}", ["pt"] = $"olá {i}" }, DateTimeOffset.UnixEpoch.AddSeconds(i), default))));

        var variants = (await templates.GetAsync("welcome", default))!.Variants;
        Assert.Equal(["en", "pt"], variants.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(variants["en"][^1], variants["pt"][^1]); // both from the same writer
    }
}
