using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppBsuidTests
{
    [Fact]
    public void Normalize_BsuidOnlyUser_UsesTheBsuidAsUser()
    {
        // Act
        var evt = WhatsAppExpect.Events("bsuid")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgVRVMuMTE4ODAwMDAwMDAwMDAwMDAwMBUCABIYFjNFQjBCU1VJRE9OTFkwMDAwMDAwMQA=",
            "ES.1188000000000000000", IdType.WaBsuid, 1776000000);
        Assert.Equal(new ContactPart { UserId = "ES.1188000000000000000", Name = "Ana", Username = "ana.surf" }, evt.Contact);
        Assert.Equal("Hola, ¿tenéis tallas grandes?", evt.Message!.Body);
    }

    [Fact]
    public void Normalize_PhoneAndBsuid_KeepsBothInContactAndUsesThePhone()
    {
        // Act
        var evt = WhatsAppExpect.Events("bsuid")[1];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzkzNDcxMjM0NTY3FQIAEhgWM0VCMEJPVEgwMDAwMDAwMDAwMDAwMQA=", "393471234567", IdType.WaId, 1776000005);
        Assert.Equal(
            new ContactPart
            {
                WaId = "393471234567",
                UserId = "IT.7731000000000000001",
                ParentUserId = "IT.ENT.4410000000000000002",
                Name = "Marco",
            },
            evt.Contact);
    }

    [Fact]
    public void Normalize_StatusToBsuidOnly_UsesRecipientUserId()
    {
        // Act
        var evt = WhatsAppExpect.Events("bsuid")[2];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.MessageRead,
            "status:wamid.HBgVRVMuMTE4ODAwMDAwMDAwMDAwMDAwMBUCABEYEkJVU0lEU1RBVFVTMDAwMDAxAA==:read",
            "ES.1188000000000000000", IdType.WaBsuid, 1776000010);
        Assert.Null(evt.Status!.RecipientId);
        Assert.Equal("ES.1188000000000000000", evt.Status.RecipientUserId);
        Assert.Equal(new ContactPart { UserId = "ES.1188000000000000000", Name = "Ana", Username = "ana.surf" }, evt.Contact);
    }
}
