using Normalizer.Templates;

namespace Normalizer.Tests.Templates;

public sealed class TemplateLocalesTests
{
    private static readonly string[] Variants = ["default", "en_US", "pt_BR", "pt_PT", "es"];

    [Theory]
    [InlineData("pt_BR", "pt_BR")]
    [InlineData("pt-br", "pt_BR")]
    [InlineData("pt_PT", "pt_PT")]
    [InlineData("pt_AO", "pt_BR")]
    [InlineData("pt", "pt_BR")]
    [InlineData("en_GB", "en_US")]
    [InlineData("es_MX", "es")]
    [InlineData("fr_FR", "default")]
    [InlineData(null, "default")]
    [InlineData("not a locale", "default")]
    public void Resolve_Locale_ExactThenLanguageThenDefault(string? locale, string expected)
    {
        var variant = TemplateLocales.Resolve(Variants, locale);

        Assert.Equal(expected, variant);
    }

    [Fact]
    public void Resolve_NoMatchAndNoDefault_ReturnsNull()
    {
        Assert.Null(TemplateLocales.Resolve(["pt_BR"], "en_US"));
    }

    [Theory]
    [InlineData("DEFAULT", "default")]
    [InlineData("en_us", "en_US")]
    [InlineData("PT", "pt")]
    [InlineData("es-419", "es_419")]
    public void TryNormalize_VariantKey_MetaForm(string key, string expected)
    {
        Assert.True(TemplateLocales.TryNormalize(key, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("pt_BR_x")]
    [InlineData("{{x}}")]
    public void TryNormalize_NotALocale_False(string key)
    {
        Assert.False(TemplateLocales.TryNormalize(key, out _));
    }
}
