namespace Normalizer.Sending;

/// <summary>The last failed send per Page (its token's health), kept across restarts and shared by the hosts of a store.</summary>
public interface IPageSendErrors
{
    /// <summary>Records <paramref name="error"/> as the Page's last, replacing the one before.</summary>
    Task RecordAsync(PageSendError error, CancellationToken cancellationToken);

    /// <summary>Every Page's last failed send, by Page id.</summary>
    Task<IReadOnlyList<PageSendError>> ListAsync(CancellationToken cancellationToken);
}
