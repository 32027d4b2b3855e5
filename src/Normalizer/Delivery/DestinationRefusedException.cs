namespace Normalizer.Delivery;

/// <summary>
/// A webhook destination that may not be contacted; its message is the attempt's recorded error (it names the host
/// and the address, never the URL's path or query, which may carry the consumer's tokens).
/// </summary>
internal sealed class DestinationRefusedException(string message) : Exception(message);
