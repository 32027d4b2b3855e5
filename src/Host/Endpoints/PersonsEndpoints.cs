using Normalizer.Identity;

namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/persons/{id}</c> (README: identity): one person with every contact linked to it, on every channel.</summary>
internal static class PersonsEndpoints
{
    public static void MapPersons(this RouteGroupBuilder v1) =>
        v1.MapGet("/persons/{id}", GetAsync).WithTags("Identity")
            .WithSummary("One person: every contact linked to it (explicitly, or confirmed by Meta's ID matching), on every channel.");

    // A person exists only through its contacts: none means no such person.
    private static async Task<IResult> GetAsync(string id, IContactStore store, CancellationToken cancellationToken) =>
        await store.ListByPersonAsync(id, cancellationToken) is { Count: > 0 } contacts
            ? TypedResults.Json(new PersonView(id, contacts), HostJsonContext.Default.PersonView)
            : ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no person '{id}'");
}
