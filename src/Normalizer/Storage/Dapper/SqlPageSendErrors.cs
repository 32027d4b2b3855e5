using Dapper;
using Normalizer.Events;
using Normalizer.Sending;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlPageSendErrors(IStoreConnectionFactory connections) : IPageSendErrors
{
    public async Task RecordAsync(PageSendError error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(connections.Dialect.Upsert("page_send_errors",
            "page_id, platform, kind, code, message, at", "@PageId, @Platform, @Kind, @Code, @Message, @At", "page_id",
            "platform = excluded.platform, kind = excluded.kind, code = excluded.code, message = excluded.message, at = excluded.at"),
            new
            {
                error.PageId, Platform = error.Platform.ToWire(), Kind = SendService.Wire(error.Kind), error.Code, error.Message,
                At = error.At.ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PageSendError>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT page_id AS PageId, platform AS Platform, kind AS Kind, code AS Code, message AS Message, at AS At " +
            "FROM page_send_errors ORDER BY page_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new PageSendError
        {
            PageId = r.PageId,
            Platform = PlatformNames.TryParse(r.Platform, out var platform) ? platform : throw new InvalidDataException($"page_send_errors: unknown platform '{r.Platform}'"),
            Kind = Enum.Parse<SendErrorKind>(r.Kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), Code = r.Code, Message = r.Message, At = DateTimeOffset.FromUnixTimeMilliseconds(r.At),
        }).ToList();
    }

    private sealed class Row
    {
        public string PageId { get; init; } = "";
        public string Platform { get; init; } = "";
        public string Kind { get; init; } = "";
        public int? Code { get; init; }
        public string Message { get; init; } = "";
        public long At { get; init; }
    }
}
