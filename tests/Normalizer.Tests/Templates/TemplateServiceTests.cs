using System.Text.Json;
using Normalizer.Identity;
using Normalizer.Templates;

namespace Normalizer.Tests.Templates;

public sealed class TemplateServiceTests
{
    private static readonly UserProfile Ana = new() { FirstName = "Ana", LastName = "Souza", Locale = "pt_BR" };

    [Fact]
    public async Task RenderAsync_ProfileAndNestedData_FillsBoth()
    {
        var sut = await ServiceWith(new() { ["default"] = "Hi {{first_name}} {{last_name}}, order {{order.id}} ({{order.total}}) for {{name}}: {{#each items}}[{{this}}]{{/each}}" });
        using var data = JsonDocument.Parse("""{ "order": { "id": "A-17", "total": 12.50 }, "items": ["pen", "ink"] }""");

        var text = await sut.RenderAsync("order_shipped", null, Ana, data.RootElement, default);

        Assert.Equal("Hi Ana Souza, order A-17 (12.50) for Ana Souza: [pen][ink]", text);
    }

    [Fact]
    public async Task RenderAsync_HtmlCharacters_NotEscaped()
    {
        var sut = await ServiceWith(new() { ["default"] = "<b>{{what}}</b> & {{first_name}}" });
        using var data = JsonDocument.Parse("""{ "what": "Tom & <Jerry> \"quoted\" 'x'" }""");

        var text = await sut.RenderAsync("order_shipped", null, new UserProfile { FirstName = "A&B" }, data.RootElement, default);

        Assert.Equal("<b>Tom & <Jerry> \"quoted\" 'x'</b> & A&B", text);
    }

    [Theory]
    [InlineData("pt_BR", "Olá Ana")]
    [InlineData("pt_PT", "Olá Ana")]
    [InlineData("en_US", "Hello Ana")]
    [InlineData("de_DE", "Hi Ana")]
    public async Task RenderAsync_Locale_FallsBackByLanguageThenDefault(string locale, string expected)
    {
        var sut = await ServiceWith(new() { ["default"] = "Hi {{first_name}}", ["en_US"] = "Hello {{first_name}}", ["pt_BR"] = "Olá {{first_name}}" });

        var text = await sut.RenderAsync("order_shipped", locale, Ana, null, default);

        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task RenderAsync_NoLocaleGiven_UsesProfileLocale()
    {
        var sut = await ServiceWith(new() { ["default"] = "Hi", ["pt_BR"] = "Olá" });

        Assert.Equal("Olá", await sut.RenderAsync("order_shipped", null, Ana, null, default));
    }

    [Fact]
    public async Task RenderAsync_UnknownTemplate_ReturnsNull()
    {
        var sut = new TemplateService(new MemoryTemplateStore(), TimeProvider.System);

        Assert.Null(await sut.RenderAsync("missing", "en_US", null, null, default));
    }

    [Fact]
    public async Task RenderAsync_AfterPut_UsesNewBody()
    {
        var sut = await ServiceWith(new() { ["default"] = "old" });
        Assert.Equal("old", await sut.RenderAsync("order_shipped", null, null, null, default));

        await sut.PutAsync("order_shipped", new Dictionary<string, string> { ["default"] = "new" }, default);

        Assert.Equal("new", await sut.RenderAsync("order_shipped", null, null, null, default));
    }

    [Theory]
    [InlineData("{{#if x}}never closed")]
    [InlineData("{{first_name")]
    [InlineData("{{> missing_partial}}")]
    public void Validate_BadSyntax_NamesVariant(string body)
    {
        var (variants, error) = TemplateService.Validate(new Dictionary<string, string?> { ["default"] = "ok", ["pt_BR"] = body });

        Assert.Null(variants);
        Assert.Contains("'pt_BR'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDefault_Rejected()
    {
        var (variants, error) = TemplateService.Validate(new Dictionary<string, string?> { ["pt_BR"] = "Olá" });

        Assert.Null(variants);
        Assert.Contains("default", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order_shipped", true)]
    [InlineData("a", true)]
    [InlineData("Order", false)]
    [InlineData("order-shipped", false)]
    [InlineData("", false)]
    public void IsValidName_Pattern_LowercaseDigitsUnderscore(string name, bool valid)
    {
        Assert.Equal(valid, TemplateService.IsValidName(name));
        Assert.False(TemplateService.IsValidName(new string('a', 65)));
    }

    private static async Task<TemplateService> ServiceWith(Dictionary<string, string> variants)
    {
        var sut = new TemplateService(new MemoryTemplateStore(), TimeProvider.System);
        await sut.PutAsync("order_shipped", variants, default);
        return sut;
    }

    private sealed class MemoryTemplateStore : ITemplateStore
    {
        private readonly Dictionary<string, TemplateDefinition> _all = new(StringComparer.Ordinal);

        public Task<TemplateDefinition?> GetAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(_all.GetValueOrDefault(name));

        public Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TemplateDefinition>>([.. _all.Values]);

        public Task<bool> ReplaceAsync(string name, IReadOnlyDictionary<string, string> variants, DateTimeOffset updatedAt, CancellationToken cancellationToken)
        {
            var created = !_all.ContainsKey(name);
            _all[name] = new TemplateDefinition(name, variants, updatedAt);
            return Task.FromResult(created);
        }

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_all.Remove(name));
    }
}
