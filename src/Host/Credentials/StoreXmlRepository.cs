using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Normalizer.Storage;

namespace Normalizer.Host.Credentials;

/// <summary>
/// The Data Protection key ring in the shared store (<c>data_protection_keys</c>): every host of a deployment reads the
/// same keys, so a token one host encrypted is readable on all of them. Data Protection calls this synchronously, rarely
/// (at start and when a key is created).
/// </summary>
internal sealed class StoreXmlRepository(IStoreConnectionFactory store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = store.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY name").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = store.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        connection.Execute(store.Dialect.InsertIfAbsent("data_protection_keys", "name, xml", "@name, @xml", "name"),
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
