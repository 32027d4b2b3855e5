using Normalizer.Identity;

namespace Normalizer.Tests.Identity;

public sealed class ProfileKeyTests
{
    private static readonly UserProfile Bea = new() { FirstName = "Bea", LastName = "Lima", ProfilePic = "https://fake.example/bea.jpg", Locale = "pt_BR" };

    [Fact]
    public void Of_SameNamesAndPictureWithAnotherLocale_IsTheSameKey()
    {
        var other = Bea with { Locale = "en_US" };

        var key = ProfileKey.Of(Bea);

        Assert.NotNull(key);
        Assert.Equal(key, ProfileKey.Of(other));
    }

    [Theory]
    [InlineData(null, "Lima", "https://fake.example/bea.jpg")]
    [InlineData("Bea", "", "https://fake.example/bea.jpg")]
    [InlineData("Bea", "Lima", null)]
    public void Of_ProfileMissingANameOrThePicture_IsNull(string? first, string? last, string? picture)
    {
        var profile = new UserProfile { FirstName = first, LastName = last, ProfilePic = picture };

        var key = ProfileKey.Of(profile);

        Assert.Null(key);
    }

    [Fact]
    public void Of_NamesSplitElsewhere_IsAnotherKey()
    {
        var shifted = Bea with { FirstName = "Be", LastName = "aLima" };

        var key = ProfileKey.Of(shifted);

        Assert.NotEqual(ProfileKey.Of(Bea), key);
    }

    [Fact]
    public void Of_AnotherPicture_IsAnotherKey()
    {
        var repictured = Bea with { ProfilePic = "https://fake.example/bea-2.jpg" };

        var key = ProfileKey.Of(repictured);

        Assert.NotEqual(ProfileKey.Of(Bea), key);
    }
}
