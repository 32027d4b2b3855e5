using System.Text.Json;
using Normalizer.Host.Docs;
using Normalizer.Templates;

namespace Normalizer.Host.Endpoints;

/// <summary>Named reply templates with per-locale variants (Handlebars); a PUT replaces every variant.</summary>
internal static class TemplatesEndpoints
{
    public static void MapTemplates(this RouteGroupBuilder v1)
    {
        var templates = v1.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("/", ListAsync).WithSummary("Every template with its variants: { data: [ { name, variants, updated_at } ] }.");
        templates.MapGet("/{name}", GetAsync).WithSummary("One template.").Errors(400, 404);
        templates.MapPut("/{name}", PutAsync).WithSummary("Creates or replaces a template: { variants: { default: '…', pt_BR: '…' } }.").Errors(400, 413);
        templates.MapDelete("/{name}", DeleteAsync).WithSummary("Deletes a template.").Errors(400, 404);
    }

    private static async Task<IResult> ListAsync(TemplateService templates, CancellationToken cancellationToken)
    {
        var all = await templates.ListAsync(cancellationToken);
        return TypedResults.Json(new TemplateList([.. all.Select(ToView)]), HostJsonContext.Default.TemplateList);
    }

    private static async Task<IResult> GetAsync(string name, TemplateService templates, CancellationToken cancellationToken)
    {
        if (!TemplateService.IsValidName(name))
        {
            return InvalidName();
        }

        return await templates.GetAsync(name, cancellationToken) is { } template
            ? TypedResults.Json(ToView(template), HostJsonContext.Default.TemplateView)
            : NotFound(name);
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, TemplateService templates, CancellationToken cancellationToken)
    {
        if (!TemplateService.IsValidName(name))
        {
            return InvalidName();
        }

        var (document, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return error!;
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("variants"u8, out var variants) || variants.ValueKind != JsonValueKind.Object)
            {
                return Invalid("'variants' is required: an object from 'default' or a locale (en_US, pt_BR, pt…) to a Handlebars text");
            }

            var given = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var variant in variants.EnumerateObject())
            {
                if (variant.Value.ValueKind != JsonValueKind.String)
                {
                    return Invalid($"variant '{variant.Name}' must be a string");
                }

                if (!given.TryAdd(variant.Name, variant.Value.GetString()))
                {
                    return Invalid($"variant '{variant.Name}' appears twice");
                }
            }

            var (normalized, problem) = TemplateService.Validate(given);
            if (normalized is null)
            {
                return Invalid(problem!);
            }

            var (template, created) = await templates.PutAsync(name, normalized, cancellationToken);
            return TypedResults.Json(ToView(template), HostJsonContext.Default.TemplateView,
                statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
    }

    private static async Task<IResult> DeleteAsync(string name, TemplateService templates, CancellationToken cancellationToken)
    {
        if (!TemplateService.IsValidName(name))
        {
            return InvalidName();
        }

        return await templates.DeleteAsync(name, cancellationToken) ? TypedResults.NoContent() : NotFound(name);
    }

    private static TemplateView ToView(TemplateDefinition template) =>
        new(template.Name, template.Variants.ToDictionary(StringComparer.Ordinal), template.UpdatedAt);

    private static IResult InvalidName() => ApiError.Result(StatusCodes.Status400BadRequest, "invalid_name",
        "a template name is 1–64 characters of a–z, 0–9 and '_'");

    private static IResult Invalid(string message) => ApiError.Result(StatusCodes.Status400BadRequest, "invalid_template", message);

    private static IResult NotFound(string name) => ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"no template named '{name}'");
}
