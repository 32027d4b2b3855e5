using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppMessagesTests
{
    private const string Ana = "5511987654321";
    private const string Carla = "351912345678";

    [Fact]
    public void Normalize_TextWithForwardedContext_EmitsMessageReceived()
    {
        // Arrange
        const string wamid = "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDMjQ1QjlCNkU0QTlGODNBNQA=";

        // Act
        var evt = WhatsAppExpect.Events("messages-text-media")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived, "message:" + wamid, Ana, IdType.WaId, 1763712300);
        var message = Assert.IsType<MessagePart>(evt.Message);
        Assert.Equal(wamid, message.Id);
        Assert.Equal("text", message.Type);
        Assert.Equal("Olá, quero trocar o tamanho do pedido", message.Body);
        Assert.False(message.IsEcho);
        Assert.True(message.Forwarded);
        Assert.True(message.FrequentlyForwarded);
        Assert.Null(message.Attachments);
        var reply = Assert.IsType<ReplyToPart>(message.ReplyTo);
        Assert.Equal("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjRBN0Y5QzJEMUI4RTA2QjNGMgA=", reply.Id);
        Assert.Equal("15550783881", reply.From);
        var contact = Assert.IsType<ContactPart>(evt.Contact);
        Assert.Equal(Ana, contact.WaId);
        Assert.Equal("Ana Souza", contact.Name);
        Assert.Null(contact.UserId);
        Assert.Equal(wamid, evt.Raw.Parse().GetProperty("id").GetString());
    }

    [Fact]
    public void Normalize_ImageFromSecondContact_MatchesThatContactAndFillsAttachment()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-text-media")[1];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgNNTUyMTk5ODc2NTQzMhUCABIYFDNBMDFGNEFBQjE3RTg4NkQ1QjQyAA==", "5521998765432", IdType.WaId, 1763712302);
        Assert.Equal("Bruno Lima", evt.Contact?.Name);
        var message = Assert.IsType<MessagePart>(evt.Message);
        Assert.Equal("image", message.Type);
        Assert.Equal("Foto da etiqueta", message.Body);
        var image = Assert.Single(message.Attachments!);
        Assert.Equal("image", image.Type);
        Assert.Equal("1203948576612345", image.MediaId);
        Assert.Equal("image/jpeg", image.MimeType);
        Assert.Equal("Ym9ndXMtc2hhMjU2LWltYWdlLWhhc2gtdmFsdWU=", image.Sha256);
        Assert.Equal("Foto da etiqueta", image.Caption);
        Assert.Null(image.Url);
        Assert.Null(image.Filename);
    }

    [Fact]
    public void Normalize_VideoAudioDocumentSticker_EmitOneAttachmentEach()
    {
        // Act
        var events = WhatsAppExpect.Events("messages-text-media").Skip(2).ToList();

        // Assert
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(EventName.MessageReceived, e.Event));
        Assert.All(events, e => Assert.Equal(Ana, e.UserId));

        var video = Assert.Single(events[0].Message!.Attachments!);
        Assert.Equal(("video", "1203948576612346", "video/mp4", "dmlkZW8taGFzaA==", "Unboxing"),
            (video.Type, video.MediaId, video.MimeType, video.Sha256, video.Caption));
        Assert.Equal("Unboxing", events[0].Message!.Body);
        Assert.Equal(1763712310, events[0].Timestamp);

        var audio = Assert.Single(events[1].Message!.Attachments!);
        Assert.Equal(("audio", "1203948576612347", "audio/ogg; codecs=opus", true), (audio.Type, audio.MediaId, audio.MimeType, audio.Voice));
        Assert.Null(events[1].Message!.Body);

        var document = Assert.Single(events[2].Message!.Attachments!);
        Assert.Equal(("document", "1203948576612348", "application/pdf", "nota-fiscal-4471.pdf", "Nota fiscal"),
            (document.Type, document.MediaId, document.MimeType, document.Filename, document.Caption));
        Assert.Equal("Nota fiscal", events[2].Message!.Body);

        var sticker = Assert.Single(events[3].Message!.Attachments!);
        Assert.Equal(("sticker", "1203948576612349", "image/webp", false), (sticker.Type, sticker.MediaId, sticker.MimeType, sticker.Animated));
        Assert.Equal("sticker", events[3].Message!.Type);
    }

    [Fact]
    public void Normalize_Location_FillsLocationPart()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDEA", Carla, IdType.WaId, 1763713000);
        Assert.Equal("location", evt.Message!.Type);
        var location = Assert.IsType<LocationPart>(evt.Message.Location);
        Assert.Equal(38.7223, location.Latitude);
        Assert.Equal(-9.1393, location.Longitude);
        Assert.Equal("Loja Chiado", location.Name);
        Assert.Equal("Rua Garrett 19, 1200-203 Lisboa", location.Address);
        Assert.Equal("https://example.com/lojas/chiado", location.Url);
        Assert.Equal("Carla Mendes", evt.Contact?.Name);
    }

    [Fact]
    public void Normalize_ContactCards_KeepsTheArrayAsSent()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[1];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDIA", Carla, IdType.WaId, 1763713001);
        Assert.Equal("contacts", evt.Message!.Type);
        var cards = Assert.IsType<System.Text.Json.JsonElement>(evt.Message.Contacts);
        var card = Assert.Single(cards.EnumerateArray());
        Assert.Equal("Rui Costa", card.GetProperty("name").GetProperty("formatted_name").GetString());
        Assert.Equal("351913000111", card.GetProperty("phones")[0].GetProperty("wa_id").GetString());
    }

    [Fact]
    public void Normalize_ButtonReplyListReplyFlowReply_FillInteractivePart()
    {
        // Act
        var events = WhatsAppExpect.Events("messages-structured");

        // Assert
        var button = events[2];
        WhatsAppExpect.Inbound(button, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDMA", Carla, IdType.WaId, 1763713002);
        Assert.Equal("interactive", button.Message!.Type);
        Assert.Equal(new InteractivePart { Type = "button_reply", Id = "confirm-order-4471", Title = "Confirmar" }, button.Message.Interactive);
        Assert.Equal("Confirmar", button.Message.Body);
        Assert.Equal("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSQUFBQkJCQ0NDRERERUVFRkZGAA==", button.Message.ReplyTo?.Id);
        Assert.Equal("15550783881", button.Message.ReplyTo?.From);

        var list = events[3];
        Assert.Equal(new InteractivePart { Type = "list_reply", Id = "slot-2026-11-23-10", Title = "Seg 10:00", Description = "Entrega de manhã" },
            list.Message!.Interactive);
        Assert.Equal(1763713003, list.Timestamp);

        var flow = events[4];
        Assert.Equal(new InteractivePart { Type = "nfm_reply", Id = "flow", Title = "Sent", ResponseJson = "{\"flow_token\":\"ft-7781\",\"size\":\"M\"}" },
            flow.Message!.Interactive);
    }

    [Fact]
    public void Normalize_TemplateQuickReplyButton_MapsPayloadAndText()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[5];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDYA", Carla, IdType.WaId, 1763713005);
        Assert.Equal("button", evt.Message!.Type);
        Assert.Equal(new InteractivePart { Type = "button", Id = "STOP_PROMOS", Title = "Parar promoções" }, evt.Message.Interactive);
        Assert.Equal("Parar promoções", evt.Message.Body);
    }

    [Fact]
    public void Normalize_Order_KeepsQuantityAndPriceAsSent()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[6];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDcA", Carla, IdType.WaId, 1763713006);
        Assert.Equal("order", evt.Message!.Type);
        Assert.Equal("Quero estes dois", evt.Message.Body);
        var order = Assert.IsType<OrderPart>(evt.Message.Order);
        Assert.Equal("1839024756102938", order.CatalogId);
        Assert.Equal("Quero estes dois", order.Text);
        Assert.Equal(
            [
                new OrderItemPart { ProductRetailerId = "SKU-TSHIRT-M", Quantity = "2", ItemPrice = "19.90", Currency = "EUR" },
                new OrderItemPart { ProductRetailerId = "SKU-CAP", Quantity = "1", ItemPrice = "12.50", Currency = "EUR" },
            ],
            order.ProductItems!);
    }

    [Fact]
    public void Normalize_ClickToWhatsAppAd_FillsReferral()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[7];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgMMzUxOTEyMzQ1Njc4FQIAEhgUM0E1QjJGNzc4RDlDMEUxQTAwMDgA", Carla, IdType.WaId, 1763713007);
        Assert.Equal("Vi o vosso anúncio, ainda tem o casaco?", evt.Message!.Body);
        var referral = Assert.IsType<ReferralPart>(evt.Message.Referral);
        Assert.Equal("https://fb.me/3nQ8xYz", referral.SourceUrl);
        Assert.Equal("120210000000000001", referral.SourceId);
        Assert.Equal("ad", referral.SourceType);
        Assert.Equal("Casacos de inverno -30%", referral.Headline);
        Assert.Equal("Só esta semana", referral.Body);
        Assert.Equal("image", referral.MediaType);
        Assert.Equal("https://scontent.example.net/ad-casaco.jpg", referral.MediaUrl);
        Assert.StartsWith("ARAkLkA8rmlFeiCktEJQ", referral.CtwaClid);
        Assert.Null(evt.Referral);
    }

    [Fact]
    public void Normalize_ProductInquiry_FillsReferredProduct()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-structured")[8];

        // Assert
        var reply = Assert.IsType<ReplyToPart>(evt.Message!.ReplyTo);
        Assert.Equal("SKU-JACKET-L", reply.ReferredProductId);
        Assert.Equal("1839024756102938", reply.CatalogId);
        Assert.Equal("wamid.HBgMMzUxOTEyMzQ1Njc4FQIAERgSQUFBQkJCQ0NDRERERUVFRkZKAA==", reply.Id);
        Assert.Null(evt.Message.Forwarded);
    }

    [Fact]
    public void Normalize_SameBodyTwice_GivesTheSameIds()
    {
        // Act
        var first = WhatsAppExpect.Events("messages-structured");
        var second = WhatsAppExpect.Events("messages-structured");

        // Assert
        Assert.Equal(9, first.Count);
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.Equal(first.Count, first.Select(e => e.Id).Distinct().Count());
    }
}
