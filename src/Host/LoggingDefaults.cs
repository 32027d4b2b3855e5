using Microsoft.Extensions.Configuration.Memory;

namespace Normalizer.Host;

/// <summary>
/// Quiet logs by default: no line per request (ASP.NET Core's own categories at Warning). Added as the configuration
/// source of lowest precedence, so it holds when the host starts from a directory without appsettings.json, and
/// appsettings.json or <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c> still override it.
/// </summary>
internal static class LoggingDefaults
{
    public static void AddTo(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Default", "Information"), new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });
}
