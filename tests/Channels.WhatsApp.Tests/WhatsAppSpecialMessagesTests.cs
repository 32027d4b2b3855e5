using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppSpecialMessagesTests
{
    private const string Dora = "5531991112222";
    private const string Original = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMAA=";
    private const string Reacted = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABEYEkJVU0lORVNTMDAwMDAwMDAxAA==";

    [Fact]
    public void Normalize_ReactionWithEmoji_EmitsReact()
    {
        // Arrange
        const string wamid = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMQA=";

        // Act
        var evt = WhatsAppExpect.Events("messages-special")[0];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReaction, "reaction:" + wamid, Dora, IdType.WaId, 1763714000);
        Assert.Equal(new ReactionPart { MessageId = Reacted, Action = "react", Emoji = "\u2764\ufe0f" }, evt.Reaction);
        Assert.Equal(new MessagePart { Id = wamid, Type = "reaction", IsEcho = false }, evt.Message);
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
        Assert.Equal(Reacted, evt.Reaction.MessageId);
        Assert.Equal("wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwMgA=", evt.Message?.Id);
    }

    [Fact]
    public void Normalize_ReactThenUnreactOnOneMessage_EachKeepsItsOwnIdAndEvent()
    {
        // Act
        var events = WhatsAppExpect.Events("messages-special");
        var (react, unreact) = (events[0], events[1]);

        // Assert: both name the same reacted message, yet they are two updates with two wamids and two events.
        Assert.Equal(react.Reaction!.MessageId, unreact.Reaction!.MessageId);
        Assert.NotEqual(react.Message!.Id, unreact.Message!.Id);
        Assert.NotEqual(react.Id, unreact.Id);
        Assert.DoesNotContain(events, e => e.Message?.Id == Reacted);
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
        Assert.Equal("wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNAA=", message.Id);
        Assert.Equal(Original, message.OriginalMessageId);
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
        Assert.Equal(
            new MessagePart
            {
                Id = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNQA=",
                Type = "deleted",
                IsEcho = false,
                OriginalMessageId = Original,
            },
            evt.Message);
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
        Assert.Equal(
            new MessagePart { Id = "wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwNwA=", Type = "system", IsEcho = false },
            evt.Message);
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
        Assert.Equal("wamid.HBgNNTUzMTk5MTExMjIyMhUCABIYFjNFQjA5OUFBMDAwMDAwMDAwMDAwOAA=", evt.Message?.Id);
    }

    [Fact]
    public void Normalize_CustomerIdentityChanged_KeepsTheSystemMessagesOwnId()
    {
        // Arrange
        const string wamid = "wamid.HBgNNTUzMTk5NDQ0NTU1NRUCABIYFjNFQjBBQkMwMDAwMDAwMDAwMDAwMQA=";

        // Act
        var evt = WhatsAppExpect.Events("messages-special")[8];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.SystemReceived, "system:" + wamid, "5531994445555", IdType.WaId, 1763714300);
        Assert.Equal(new MessagePart { Id = wamid, Type = "system", IsEcho = false }, evt.Message);
        Assert.Equal(
            new SystemPart { Type = "customer_identity_changed", Body = "\u200eUser Caio Lima's security code changed.", WaId = "5531994445555" },
            evt.System);
    }
}
