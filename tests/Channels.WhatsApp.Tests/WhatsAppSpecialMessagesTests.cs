using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppSpecialMessagesTests
{
    private const string Dora = "5531991112222";
    private const string Original = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMAA=";

    [Fact]
    public void Normalize_ReactionWithEmoji_EmitsReact()
    {
        // Arrange
        const string wamid = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMQA=";

        // Act
        var evt = WhatsAppExpect.Events("messages-special")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReaction, "reaction:" + wamid, Dora, IdType.WaId, 1763714000);
        Assert.Equal(
            new ReactionPart { MessageId = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABEYEkJVU0lORVNTMDAwMDAwMDAxAA==", Action = "react", Emoji = "\u2764\ufe0f" },
            evt.Reaction);
        Assert.Null(evt.Message);
        Assert.Equal("Dora Alves", evt.Contact?.Name);
    }

    [Fact]
    public void Normalize_ReactionWithEmptyEmoji_EmitsUnreact()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[1];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReaction,
            "reaction:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMgA=", Dora, IdType.WaId, 1763714005);
        Assert.Equal("unreact", evt.Reaction!.Action);
        Assert.Null(evt.Reaction.Emoji);
        Assert.Equal("wamid.HBgNNTUzMTk5MTExMjIyMhUCABEYEkJVU0lORVNTMDAwMDAwMDAxAA==", evt.Reaction.MessageId);
    }

    [Fact]
    public void Normalize_Unsupported_KeepsErrorsOnTheMessage()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[2];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMwA=", Dora, IdType.WaId, 1763714010);
        Assert.Equal("unsupported", evt.Message!.Type);
        var error = Assert.Single(evt.Message.Errors!);
        Assert.Equal(
            new MetaErrorPart { Code = "131051", Title = "Message type unknown", Message = "Message type unknown", Details = "Message type is currently not supported." },
            error);
        Assert.Null(evt.Errors);
    }

    [Fact]
    public void Normalize_Edit_EmitsMessageEditedWithNewContent()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[3];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageEdited,
            "edit:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNAA=", Dora, IdType.WaId, 1763714020);
        var message = Assert.IsType<MessagePart>(evt.Message);
        Assert.Equal(Original, message.Id);
        Assert.Equal("edit", message.Type);
        Assert.Equal("Foto certa do defeito", message.Body);
        var image = Assert.Single(message.Attachments!);
        Assert.Equal(("image", "2209348571102938"), (image.Type, image.MediaId));
        Assert.Equal(Original, message.ReplyTo?.Id);
    }

    [Fact]
    public void Normalize_Revoke_EmitsMessageDeleted()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[4];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageDeleted,
            "revoke:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNQA=", Dora, IdType.WaId, 1763714030);
        Assert.Equal(new MessagePart { Id = Original, Type = "deleted", IsEcho = false }, evt.Message);
    }

    [Fact]
    public void Normalize_UnknownType_IsMessageReceivedWithTypeAsGiven()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[5];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived,
            "message:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNgA=", Dora, IdType.WaId, 1763714040);
        Assert.Equal("poll_vote", evt.Message!.Type);
        Assert.Null(evt.Message.Body);
        Assert.Equal("Azul", evt.Raw.Parse().GetProperty("poll_vote").GetProperty("option").GetString());
    }

    [Fact]
    public void Normalize_UserChangedNumber_EmitsSystemReceivedWithOldAndNewNumber()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[6];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.SystemReceived,
            "system:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNwA=", Dora, IdType.WaId, 1763714100);
        Assert.Equal(
            new SystemPart
            {
                Type = "user_changed_number",
                Body = "User Dora Alves changed from 5531991112222 to 5531993334444",
                WaId = Dora,
                NewWaId = "5531993334444",
            },
            evt.System);
        Assert.Null(evt.Message);
        Assert.Equal(new ContactPart { WaId = Dora }, evt.Contact);
    }

    [Fact]
    public void Normalize_UserChangedUserId_EmitsSystemReceivedWithPreviousAndNewBsuid()
    {
        // Act
        var evt = WhatsAppExpect.Events("messages-special")[7];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.SystemReceived,
            "system:wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwOAA=", "BR.1502576394655843", IdType.WaBsuid, 1763714200);
        Assert.Equal("user_changed_user_id", evt.System!.Type);
        Assert.Equal("BR.1502576394655843", evt.System.UserId);
        Assert.Equal("BR.2901837465019283", evt.System.NewUserId);
        Assert.Null(evt.System.WaId);
        Assert.Null(evt.System.NewWaId);
    }
}
