using Normalizer.Graph;
using Normalizer.Host.Docs;
using Normalizer.Identity;

namespace Normalizer.Host.Endpoints;

/// <summary>Identity (README: identity): look up contacts, link them into persons; ASIDs are resolved by <see cref="IdentitiesEndpoints"/>.</summary>
internal static class ContactsEndpoints
{
    public static void MapContacts(this RouteGroupBuilder v1)
    {
        var contacts = v1.MapGroup("/contacts").WithTags("Identity");
        contacts.MapGet("/", FindAsync).WithSummary("Contacts by scoped_id + scope_id, or by person_id.").Errors(400);
        contacts.MapGet("/{id}", GetAsync).WithSummary("One contact.").Errors(404);
        contacts.MapPost("/{id}/links", LinkAsync).WithSummary(
            "Link an ASID with its app ({asid, app_id}) to this contact (joining the persons of the contacts that carry it), or another contact ({contact_id}) to its person.")
            .Errors(400, 404);
    }

    private static async Task<IResult> FindAsync(HttpRequest request, IContactStore store, CancellationToken cancellationToken)
    {
        var scopedId = request.Query["scoped_id"].ToString();
        var scopeId = request.Query["scope_id"].ToString();
        var personId = request.Query["person_id"].ToString();
        if (personId.Length > 0)
        {
            return List(await store.ListByPersonAsync(personId, cancellationToken));
        }

        if (scopedId.Length == 0 || scopeId.Length == 0)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query", "give scoped_id and scope_id (a scoped ID is only unique within its scope), or person_id");
        }

        var contact = await store.FindAsync(scopedId, scopeId, cancellationToken);
        return List(contact is null ? [] : [contact]);
    }

    private static async Task<IResult> GetAsync(string id, IContactStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } contact
            ? TypedResults.Json(contact, HostJsonContext.Default.Contact)
            : NotFound(id);

    private static async Task<IResult> LinkAsync(string id, ContactLinkRequest link, IContactStore store, PersonLinker persons,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } contact)
        {
            return NotFound(id);
        }

        if (link.ContactId is { Length: > 0 } otherId)
        {
            if (await store.GetAsync(otherId, cancellationToken) is not { } other)
            {
                return NotFound(otherId);
            }

            await store.MergePersonsAsync(other.PersonId, contact.PersonId, cancellationToken);
        }
        else if (link.Asid is { Length: > 0 } asid)
        {
            // An ASID is unique only within its app (README: identity): never stored without it.
            if (link.AppId is not { Length: > 0 } appId)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "give 'app_id' with 'asid': an ASID is scoped to its app");
            }

            if (!GraphPath.IsValidId(asid) || !GraphPath.IsValidId(appId))
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "'asid' and 'app_id' must be IDs (no spaces, slashes or control characters)");
            }

            // Every contact carrying the same ASID of the app is the same user: their persons join, the oldest surviving.
            var linked = new AppScopedId(asid, appId);
            await store.LinkAsync(contact.Id, linked, null, null, cancellationToken);
            contact = contact with { PersonId = await persons.MergeAsync(contact.PersonId, linked, cancellationToken) };
        }
        else
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "give 'contact_id', or 'asid' with 'app_id'");
        }

        return List(await store.ListByPersonAsync(contact.PersonId, cancellationToken));
    }

    private static IResult List(IReadOnlyList<Contact> contacts) => TypedResults.Json(new ContactList(contacts), HostJsonContext.Default.ContactList);

    private static IResult NotFound(string id) => ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no contact '{id}'");
}
