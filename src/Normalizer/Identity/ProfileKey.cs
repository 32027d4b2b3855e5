using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Identity;

/// <summary>
/// What a profile match compares: first name, last name and picture URL, exactly as Meta gave them. Stored as a hash
/// (indexed beside the scope), and only for a profile that has all three.
/// </summary>
public static class ProfileKey
{
    /// <summary>The key of <paramref name="profile"/>, or null when it lacks a first name, a last name or a picture.</summary>
    public static string? Of(UserProfile? profile)
    {
        if (profile is not { FirstName: { Length: > 0 } first, LastName: { Length: > 0 } last, ProfilePic: { Length: > 0 } picture })
        {
            return null;
        }

        // A separator no name or URL contains keeps ("ab", "c") apart from ("a", "bc").
        var text = string.Join('\u001f', first, last, picture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
