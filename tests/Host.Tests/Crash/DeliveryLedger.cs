using Microsoft.Data.Sqlite;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// What the store says about one subscription's deliveries, read from the database file (read-only, no pooling, so
/// the file is not held open): the API lists deliveries per event, or only the first 500 of a subscription.
/// </summary>
internal sealed record DeliveryLedger(long Rows, long Events, long Pending, long Delivered, long Dead)
{
    public static async Task<DeliveryLedger> ReadAsync(string databasePath, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COUNT(DISTINCT event_id),
                   COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'delivered'), 0), COALESCE(SUM(status = 'dead'), 0)
            FROM deliveries WHERE subscription_id = $subscription
            """;
        command.Parameters.AddWithValue("$subscription", subscriptionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DeliveryLedger(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
