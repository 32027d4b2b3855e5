using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>
/// <c>user_preferences</c> (user-preferences.json): Meta's resume example and the stop its reference describes
/// (Fixtures/whatsapp/SOURCES.md). A stop is the customer's marketing opt-out, a resume their opt-in.
/// </summary>
public sealed class WhatsAppPreferencesTests
{
    private const string Customer = "16505551234";

    [Fact]
    public void Normalize_Resume_IsAMarketingOptInOfTheCustomer()
    {
        // Act
        var evt = WhatsAppExpect.Events("user-preferences")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.OptinReceived, $"preference:{Customer}:1731705721:resume", Customer, IdType.WaId, 1731705721);
        Assert.Equal(new OptinPart { Type = MarketingPreference.Category }, evt.Optin);
        Assert.Null(evt.Optout);
        Assert.False(MarketingPreference.StoppedBy(evt));
    }

    [Fact]
    public void Normalize_Stop_IsAMarketingOptOutOfTheCustomer()
    {
        // Act
        var evt = WhatsAppExpect.Events("user-preferences")[1];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.OptoutReceived, $"preference:{Customer}:1739321024:stop", Customer, IdType.WaId, 1739321024);
        Assert.Equal(new OptinPart { Type = MarketingPreference.Category }, evt.Optout);
        Assert.Null(evt.Optin);
        Assert.True(MarketingPreference.StoppedBy(evt));
        Assert.Equal(new ContactPart { WaId = Customer, Name = "Sheena Nelson" }, evt.Contact);
        Assert.Equal("User requested to stop marketing messages", evt.Raw.Parse().GetProperty("detail").GetString());
    }
}
