namespace Normalizer.Host.Options;

/// <summary>Section <c>Normalizer:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Normalizer:Storage";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The provider's connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/normalizer.db";
}
