using System.Text.Json.Nodes;
using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// <c>GET /{v}/{id}?fields=…</c> with a Page token: a user profile (Meta's User Profile API) or the Page's own node.
/// </summary>
internal static class NodeEndpoint
{
    private static readonly HashSet<string> MessengerFields =
        ["id", "name", "first_name", "last_name", "profile_pic", "locale", "timezone", "gender"];

    private static readonly HashSet<string> InstagramFields =
        ["id", "name", "username", "profile_pic", "follower_count", "is_user_follow_business", "is_business_follow_user", "is_verified_user"];

    /// <summary>Finds the Page the id belongs to (the token's own, or one knowing the user); checks token and proof.</summary>
    public static GraphResult? Identify(FakeGraphState state, GraphCallInfo info)
    {
        var id = info.Request.Segments[0];
        info.Subject = id;
        var ownPage = info.TokenPages.FirstOrDefault(p => p.Id == id);
        var owner = ownPage ?? info.TokenPages
            .SelectMany(p => state.PagesLinkedTo(p.Id).Prepend(p))
            .FirstOrDefault(p => state.User(p.Id, id) is not null);
        info.PageId = owner?.Id ?? info.TokenOwnerId;
        info.Platform = owner?.Platform;
        info.SubjectOwner = owner;
        info.ScriptTargets = info.PageId is null ? [] : [info.PageId];
        return GraphAuth.RequireKnownToken(info) ?? GraphAuth.CheckProof(info);
    }

    public static GraphResult Answer(FakeGraphState state, GraphCallInfo info)
    {
        var request = info.Request;
        var id = request.Segments[0];
        var owner = info.SubjectOwner;
        if (info.TokenPages.FirstOrDefault(p => p.Id == id) is { } ownPage)
        {
            return GraphResult.Ok(new JsonObject { ["name"] = ownPage.Name, ["id"] = ownPage.Id });
        }

        if (owner is null || owner.Platform == Platform.WhatsApp)
        {
            return info.NoSuchObject(request.Method, id);
        }

        var profile = state.User(owner.Id, id)!.Profile;
        if (profile?.Unavailable == true)
        {
            return info.Fail(100, 2018218);
        }

        var allowed = owner.Platform == Platform.Instagram ? InstagramFields : MessengerFields;
        var fields = (request.String("fields") ?? "name").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.FirstOrDefault(f => !allowed.Contains(f)) is { } unknown)
        {
            return info.Fail(100, message: $"(#100) Tried accessing nonexisting field ({unknown}) on node type (User)");
        }

        var answer = new JsonObject();
        foreach (var field in fields.Where(f => f != "id"))
        {
            if (Value(profile, field) is { } value)
            {
                answer[field] = value;
            }
        }

        answer["id"] = id;
        return GraphResult.Ok(answer);
    }

    // Graph leaves out fields it has no value for.
    private static string? Value(FakeProfile? profile, string field) => field switch
    {
        "name" => profile?.DisplayName,
        "first_name" => profile?.FirstName,
        "last_name" => profile?.LastName,
        "profile_pic" => profile?.ProfilePic,
        "locale" => profile?.Locale,
        "username" => profile?.Username,
        _ => null,
    };
}
