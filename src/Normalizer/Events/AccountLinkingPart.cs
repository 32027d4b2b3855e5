using System.ComponentModel;
using System.Text;

namespace Normalizer.Events;

/// <summary>
/// A Messenger account linking update (<c>messaging_account_linking</c>): the person tapped Log In or Log Out. The
/// authorization code is the app's own pass-through value from its login flow, kept for the app to finish linking; it is
/// never written to logs, and the record's text form masks it.
/// </summary>
public sealed record AccountLinkingPart
{
    /// <summary>linked or unlinked.</summary>
    [Description("linked or unlinked.")]
    public required string Status { get; init; }

    /// <summary>The pass-through authorization_code the app set in its login flow; only when linked.</summary>
    [Description("The pass-through authorization_code the app set at the end of its account linking flow, to match its own user to this PSID; only when linked. A one-time credential: handle it like one.")]
    public string? AuthorizationCode { get; init; }

    // The record's generated ToString would print the code; anything that formats the event (an exception message, a
    // debugger, a log line written by hand) gets it masked instead.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Status = ").Append(Status);
        builder.Append(", AuthorizationCode = ").Append(AuthorizationCode is null ? "" : "***");
        return true;
    }
}
