using Microsoft.Data.Sqlite;

namespace Normalizer.Host.Tests.Crash;

/// <summary>
/// What the store says about one subscription's deliveries, read from the database file (read-only, no pooling, so
/// the file is not held open): the API lists deliveries per event, or only the first 500 of a subscription.
/// </summary>
internal sealed record DeliveryLedger(long Attempts, long Events, long Pending, long Delivered, long Dead)
{
    public static async Task<DeliveryLedger> ReadAsync(string databasePath, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Attempts as written; pending: parked rows, and the events after the subscription's lowest cursor.
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM delivery_attempts WHERE subscription_id = $subscription),
                   (SELECT COUNT(DISTINCT event_id) FROM delivery_attempts WHERE subscription_id = $subscription),
                   (SELECT COUNT(*) FROM delivery_retries WHERE subscription_id = $subscription)
                     + (SELECT COUNT(*) FROM events WHERE seq > (SELECT COALESCE(MIN(cursor_seq), 0) FROM delivery_cursors WHERE subscription_id = $subscription)),
                   (SELECT COUNT(*) FROM delivery_attempts WHERE subscription_id = $subscription AND status_code BETWEEN 200 AND 299),
                   (SELECT COUNT(*) FROM delivery_attempts a WHERE subscription_id = $subscription AND COALESCE(status_code, 0) NOT BETWEEN 200 AND 299
                      AND NOT EXISTS (SELECT 1 FROM delivery_retries r WHERE r.subscription_id = a.subscription_id AND r.event_seq = a.event_seq))
            """;
        command.Parameters.AddWithValue("$subscription", subscriptionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DeliveryLedger(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
