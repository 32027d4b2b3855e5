using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Testing;

namespace Normalizer.Tests.Ingest;

public sealed class NormalizedEventValidatorTests
{
    private readonly NormalizedEventValidator _sut = new(TimeProvider.System, TestChannels.Registry);

    private static readonly NormalizedEvent Valid = EventPipelineTests.Inbound();

    public static TheoryData<string, string> Broken => new()
    {
        { "empty id", "'id'" },
        { "unknown event", "not a known event name" },
        { "empty page", "'page_id' must not be empty" },
        { "page type of other platform", "'page_id_type' IG_ACCOUNT_ID does not belong to platform facebook" },
        { "from type of other platform", "'from_type' IGSID does not belong to platform facebook" },
        { "user type is a business type", "'user_id_type' PAGE_ID does not belong to platform facebook" },
        { "from without type", "'from' and 'from_type' must be given together" },
        { "blank to", "'to' must not be empty" },
        { "timestamp in ms", "is not a plausible Unix time in seconds" },
        { "timestamp zero", "is not a plausible Unix time in seconds" },
        { "ms disagrees", "'timestamp_ms' disagrees" },
        { "message without user", "needs a 'user_id'" },
        { "conversation without user", "'conversation_id' must be present exactly when 'user_id' is" },
        { "raw not an object", "'raw' must be the original JSON object" },
        { "raw missing", "'raw' must be the original JSON object" },
    };

    private static NormalizedEvent Break(string how) => how switch
    {
        "empty id" => Valid with { Id = "" },
        "unknown event" => Valid with { Event = "message.sneezed" },
        "empty page" => Valid with { PageId = "" },
        "page type of other platform" => Valid with { PageIdType = IdType.IgAccountId },
        "from type of other platform" => Valid with { FromType = IdType.Igsid },
        "user type is a business type" => Valid with { UserIdType = IdType.PageId },
        "from without type" => Valid with { FromType = null },
        "blank to" => Valid with { To = "  " },
        "timestamp in ms" => Valid with { Timestamp = 1763712000101, TimestampMs = null },
        "timestamp zero" => Valid with { Timestamp = 0, TimestampMs = null },
        "ms disagrees" => Valid with { TimestampMs = 1763719999000 },
        "message without user" => Valid with { UserId = null, UserIdType = null, ConversationId = null },
        "conversation without user" => Valid with { UserId = null, UserIdType = null, Event = EventName.AccountUpdated },
        "raw not an object" => Valid with { Raw = new RawJson("[{\"mid\":\"m_1\"}]"u8.ToArray()) },
        "raw missing" => Valid with { Raw = default },
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    [Fact]
    public void Validate_RealisticEvent_IsValid()
    {
        Assert.True(_sut.Validate(Valid).IsValid);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenEvent_FailsWithClearReason(string how, string reason)
    {
        var result = _sut.Validate(Break(how));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownReceivedWithoutPage_IsValid()
    {
        var unknown = Valid with
        {
            Event = EventName.UnknownReceived, PageId = "", From = null, FromType = null, To = null, ToType = null,
            UserId = null, UserIdType = null, ConversationId = null, Message = null,
        };

        Assert.True(_sut.Validate(unknown).IsValid);
    }
}
