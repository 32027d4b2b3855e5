namespace Normalizer.Host.WebConsole;

/// <summary>One file of the console, read once from the assembly: its bytes and content type.</summary>
internal sealed record ConsoleAsset(byte[] Content, string ContentType);
