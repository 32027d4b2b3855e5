using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>
/// Business-level changes (Meta's WABA webhook references, one change of each documented kind in account-changes.json):
/// page_id is the WABA of the entry, tagged WABA_ID, and account keeps what changed.
/// </summary>
public sealed class WhatsAppAccountChangesTests
{
    private const string Waba = "102290129340398";
    private const string OtherWaba = "524126980791429";

    private static IReadOnlyList<NormalizedEvent> Events() => WhatsAppExpect.Events("account-changes");

    [Fact]
    public void Normalize_BusinessLevelChanges_AreAccountUpdatesOfTheirEntrysWaba()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(13, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(EventName.AccountUpdated, e.Event);
            Assert.Equal(IdType.WabaId, e.PageIdType);
            Assert.Null(e.From);
            Assert.Null(e.To);
            Assert.Null(e.UserId);
            Assert.Null(e.ConversationId);
        });
        Assert.Equal([.. Enumerable.Repeat(Waba, 6), .. Enumerable.Repeat(OtherWaba, 7)], events.Select(e => e.PageId));
        Assert.Equal([.. Enumerable.Repeat(1763716000L, 6), .. Enumerable.Repeat(1763716100L, 7)], events.Select(e => e.Timestamp));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_BusinessLevelChanges_KeyedByTheirBytesUnderTheWaba()
    {
        // Arrange: the key each change had before it was tagged WABA_ID: its field and the hash of its bytes as sent.
        var items = WebhookItems.Of(Fixture.Load("whatsapp", "account-changes"));
        using var body = JsonDocument.Parse(Fixture.Load("whatsapp", "account-changes"));
        var changes = body.RootElement.GetProperty("entry").EnumerateArray()
            .SelectMany(entry => entry.GetProperty("changes").EnumerateArray().Select(change => (Waba: entry.GetProperty("id").GetString()!, Change: change)))
            .ToList();

        // Act
        var events = Events();

        // Assert
        Assert.Equal(items.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (waba, change) = changes[i];
            var key = $"account:{change.GetProperty("field").GetString()}:{ContentKey.Of(change)}";
            Assert.Equal(EventIds.Event(Platform.WhatsApp, waba, key), events[i].Id);
            Assert.Equal(change.GetProperty("field").GetString(), events[i].Raw.Parse().GetProperty("field").GetString());
        }
    }

    [Fact]
    public void Normalize_BusinessLevelChangeRedeliveredInAnotherBody_KeepsItsId()
    {
        // Arrange
        var items = WebhookItems.Of(Fixture.Load("whatsapp", "account-changes"));
        var first = Events();

        for (var i = 0; i < items.Count; i++)
        {
            // Act
            var again = TestNormalizer.Events(WebhookItems.Redeliver("whatsapp_business_account", items[i]));

            // Assert
            Assert.Equal(first[i].Id, again[^1].Id);
            Assert.Equal(first[i].Account, again[^1].Account);
            Assert.Equal(IdType.WabaId, again[^1].PageIdType);
        }
    }

    [Fact]
    public void Normalize_TemplateRejected_KeepsTemplateReasonAndRecommendation()
    {
        // Act
        var evt = Events()[0];

        // Assert
        Assert.Equal(
            new AccountPart
            {
                Field = "message_template_status_update",
                Event = "REJECTED",
                TemplateId = "1689556908129835",
                TemplateName = "abandoned_cart",
                TemplateLanguage = "en",
                TemplateCategory = "MARKETING",
                Reason = "INVALID_FORMAT",
                RejectionReason = "Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.",
                Recommendation = "Separate parameters with descriptive text and ensure each parameter is clearly contextualized.",
            },
            evt.Account);
    }

    [Fact]
    public void Normalize_TemplatePaused_KeepsStatusAndPauseInfo()
    {
        // Act
        var evt = Events()[1];

        // Assert
        Assert.Equal(
            new AccountPart
            {
                Field = "message_template_status_update",
                Event = "PAUSED",
                TemplateId = "1689556908129832",
                TemplateName = "order_confirmation",
                TemplateLanguage = "pt_BR",
                TemplateCategory = "UTILITY",
                Reason = "NONE",
                Title = "FIRST_PAUSE",
                Description = "Your WhatsApp message template has been paused for 3 hours until Nov 22, 2026 at 2:00 PM UTC because it had issues.",
            },
            evt.Account);
    }

    [Fact]
    public void Normalize_TemplateQualityAndCategoryUpdates_KeepPreviousAndNew()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(
            new AccountPart
            {
                Field = "message_template_quality_update",
                TemplateId = "806312974732579",
                TemplateName = "welcome_template",
                TemplateLanguage = "en_US",
                PreviousQualityScore = "GREEN",
                NewQualityScore = "YELLOW",
            },
            events[2].Account);
        Assert.Equal(
            new AccountPart
            {
                Field = "template_category_update",
                TemplateId = "278077987957091",
                TemplateName = "welcome_template",
                TemplateLanguage = "en_US",
                PreviousCategory = "UTILITY",
                NewCategory = "MARKETING",
            },
            events[3].Account);
    }

    [Fact]
    public void Normalize_PhoneNumberQualityAndNameUpdates_KeepLimitsDecisionAndName()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(
            new AccountPart
            {
                Field = "phone_number_quality_update",
                Event = "UPGRADE",
                DisplayPhoneNumber = "15550783881",
                PreviousLimit = "TIER_2K",
                CurrentLimit = "TIER_10K",
                MaxDailyConversationsPerBusiness = "TIER_10K",
            },
            events[4].Account);
        Assert.Equal(
            new AccountPart
            {
                Field = "phone_number_name_update",
                DisplayPhoneNumber = "15550783881",
                Decision = "REJECTED",
                RequestedVerifiedName = "Loja da Dora",
                RejectionReason = "NAME_ENDCLIENT_NOTRELATED",
            },
            events[5].Account);
    }

    [Fact]
    public void Normalize_AccountUpdates_KeepBanViolationAndPartnerInfo()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(
            new AccountPart { Field = "account_update", Event = "DISABLED_UPDATE", BanState = "SCHEDULE_FOR_DISABLE", BanDate = "November 29, 2026" },
            events[6].Account);
        Assert.Equal(new AccountPart { Field = "account_update", Event = "ACCOUNT_VIOLATION", ViolationType = "ADULT" }, events[7].Account);
        Assert.Equal(
            new AccountPart
            {
                Field = "account_update",
                Event = "PARTNER_APP_INSTALLED",
                WabaId = "1191624265890717",
                OwnerBusinessId = "2329417887457253",
                PartnerAppId = "5731794616896507",
            },
            events[8].Account);
    }

    [Fact]
    public void Normalize_ReviewAlertSecurityAndCapabilityChanges_KeepWhatChanged()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(new AccountPart { Field = "account_review_update", Decision = "APPROVED" }, events[9].Account);
        Assert.Equal(
            new AccountPart
            {
                Field = "account_alerts",
                EntityType = "PHONE_NUMBER",
                EntityId = "106540352242931",
                AlertType = "OBA_REJECTED",
                AlertSeverity = "CRITICAL",
                AlertStatus = "ACTIVE",
                Description = "Official Business Account status denied. Review the criteria and edit your display name.",
            },
            events[10].Account);
        Assert.Equal(
            new AccountPart { Field = "security", Event = "PIN_RESET_REQUEST", DisplayPhoneNumber = "15550783882", Requester = "61555822107539" },
            events[11].Account);
        // Meta's example sends these limits as JSON numbers: kept as their text.
        Assert.Equal(
            new AccountPart { Field = "business_capability_update", MaxDailyConversationsPerBusiness = "2000", MaxPhoneNumbersPerWaba = "25" },
            events[12].Account);
    }

    [Fact]
    public void Normalize_AccountUpdate_SerializesOnlyThePresentMembersInSnakeCase()
    {
        // Act
        var json = JsonSerializer.SerializeToElement(Events()[6], Json.NormalizerJsonContext.Default.NormalizedEvent);

        // Assert
        Assert.Equal("WABA_ID", json.GetProperty("page_id_type").GetString());
        var account = json.GetProperty("account");
        Assert.Equal(
            ["field", "event", "ban_state", "ban_date"],
            account.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DISABLED_UPDATE", json.GetProperty("raw").GetProperty("value").GetProperty("event").GetString());
    }
}
