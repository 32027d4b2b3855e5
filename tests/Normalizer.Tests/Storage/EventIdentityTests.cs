using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Storage.Dapper;
using Normalizer.Testing;

namespace Normalizer.Tests.Storage;

public sealed class EventIdentityTests
{
    private static readonly NormalizedEvent Event = TestNormalizer.Events(Fixture.Sample("messenger-text-batch.json"))[0];

    private static string Serialize(NormalizedEvent evt) => JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent);

    [Fact]
    public void AddTo_NoContact_IsTheStoredBodyItself()
    {
        var body = Serialize(Event);

        var sut = EventIdentity.AddTo(body, null, null);

        Assert.Same(body, sut);
    }

    [Theory]
    [InlineData("0193a7c4-0b2e-7c51-8e4b-2d3e4f5a6b7c", "0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6c")]
    [InlineData("contact \"1\"", "person\\<2>\u00e9")]
    public void AddTo_Contact_IsTheTextOfTheEventWrittenWithBoth(string contactId, string personId)
    {
        var body = Serialize(Event);

        var sut = EventIdentity.AddTo(body, contactId, personId);

        Assert.Equal(Serialize(Event with { ContactId = contactId, PersonId = personId }), sut);
        var read = JsonSerializer.Deserialize(sut, NormalizerJsonContext.Default.NormalizedEvent);
        Assert.Equal((contactId, personId), (read?.ContactId, read?.PersonId));
    }
}
