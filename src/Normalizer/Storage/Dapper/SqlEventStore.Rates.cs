using Dapper;

namespace Normalizer.Storage.Dapper;

/// <summary>Counts of recent events per channel, Page and time bucket (the console's rates).</summary>
internal sealed partial class SqlEventStore
{
    public async Task<IReadOnlyList<EventCount>> CountSinceAsync(long since, long bucketMs, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT platform AS Platform, page_id AS PageId, bucket AS Bucket, COUNT(*) AS Count FROM " +
            "(SELECT platform, page_id, (received_at - @since) / @bucketMs AS bucket FROM events WHERE received_at >= @since) b " +
            "GROUP BY platform, page_id, bucket ORDER BY platform, page_id, bucket",
            new { since, bucketMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new EventCount(r.Platform, r.PageId, r.Bucket, r.Count)).ToList();
    }

    private sealed class CountRow
    {
        public string Platform { get; init; } = "";
        public string PageId { get; init; } = "";
        public long Bucket { get; init; }
        public long Count { get; init; }
    }
}
