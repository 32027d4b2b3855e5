using Microsoft.Extensions.Logging;

namespace Normalizer;

/// <summary>The core's log messages. Never bodies, tokens, secrets or proofs .</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Graph {Method} {Path} failed: HTTP {Status}, code {Code}, subcode {Subcode}, fbtrace_id {FbtraceId}")]
    public static partial void GraphError(ILogger logger, string method, string path, int status, int? code, int? subcode, string? fbtraceId);

    [LoggerMessage(1002, LogLevel.Warning, "Graph {Method} {Path} timed out after {Timeout}")]
    public static partial void GraphTimedOut(ILogger logger, string method, string path, TimeSpan timeout);

    [LoggerMessage(1003, LogLevel.Warning, "Graph {Method} {Path} could not reach the Graph API: {Error}")]
    public static partial void GraphUnreachable(ILogger logger, string method, string path, HttpRequestError error);
}
