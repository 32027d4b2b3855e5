using System.Text;
using Microsoft.Extensions.Options;

namespace Normalizer.Host.Options;

/// <summary>The configured app secrets as HMAC keys, kept current when configuration reloads.</summary>
internal sealed class AppSecrets
{
    private volatile IReadOnlyList<byte[]> _keys;

    public AppSecrets(IOptionsMonitor<MetaOptions> options)
    {
        _keys = ToKeys(options.CurrentValue);
        options.OnChange(o => _keys = ToKeys(o));
    }

    public IReadOnlyList<byte[]> Keys => _keys;

    private static byte[][] ToKeys(MetaOptions options) =>
        [.. options.AppSecrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s))];
}
