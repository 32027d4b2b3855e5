namespace Normalizer.Storage.Dapper;

/// <summary>
/// For writes that replace a row by its key (delete, then insert): writers at once (several hosts) all find no row, and
/// each insert after the first hits the winner's key. A loser's transaction is run again: it then sees the winner's row
/// and replaces it, as if they had come one after the other. Each round has a winner, so a few rounds settle any burst;
/// the bound only keeps a broken store from looping.
/// </summary>
internal static class UniqueRace
{
    private const int Rounds = 32;

    public static async Task<T> RetryAsync<T>(IStoreConnectionFactory connections, Func<Task<T>> write)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (Exception ex) when (round < Rounds && connections.IsUniqueViolation(ex))
            {
                // lost to another writer of the same key: again, now seeing its row
            }
        }
    }
}
