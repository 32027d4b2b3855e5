namespace Normalizer.Host.Endpoints;

/// <summary>The JSON error body of every 4xx/5xx answer: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed record ApiError(ApiErrorDetail Error)
{
    public static IResult Result(int status, string code, string message) =>
        TypedResults.Json(new ApiError(new ApiErrorDetail(code, message)), HostJsonContext.Default.ApiError, statusCode: status);

    /// <summary>A caller's value as a message shows it: its first 64 characters, and "…" when there were more.</summary>
    public static string Shown(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
