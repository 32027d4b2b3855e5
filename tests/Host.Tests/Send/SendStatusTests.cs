using Normalizer.Host.Endpoints;
using Normalizer.Sending;

namespace Normalizer.Host.Tests.Send;

public sealed class SendStatusTests
{
    [Theory]
    [InlineData(SendStatus.Sent, null, 200)]
    [InlineData(SendStatus.Queued, SendErrorKind.InvalidRecipient, 202)]
    [InlineData(SendStatus.Failed, SendErrorKind.InvalidRecipient, 422)]
    [InlineData(SendStatus.Failed, SendErrorKind.WindowClosed, 422)]
    [InlineData(SendStatus.Failed, SendErrorKind.BadRequest, 422)]
    [InlineData(SendStatus.Failed, SendErrorKind.RateLimited, 429)]
    [InlineData(SendStatus.Failed, SendErrorKind.Transient, 502)]
    [InlineData(SendStatus.Failed, SendErrorKind.TokenInvalid, 502)]
    [InlineData(SendStatus.Failed, SendErrorKind.Permission, 502)]
    public void StatusOf_ResultKind_MapsToProductStatus(SendStatus status, SendErrorKind? kind, int http)
    {
        var result = new SendResult
        {
            Status = status, Attempts = [],
            Error = kind is { } k ? new SendError { Kind = k, Message = "m" } : null,
        };

        Assert.Equal(http, MessagesEndpoints.StatusOf(result));
    }
}
