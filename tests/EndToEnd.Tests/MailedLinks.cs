using System.Text.RegularExpressions;

namespace Cro.EndToEnd.Tests;

/// <summary>Links the platform mails to people without an account (a conference registration, a survey, a consultation).</summary>
public static class MailedLinks
{
    /// <summary>
    /// Waits for the mail to <paramref name="email"/> whose subject starts with <paramref name="subject"/> and returns the link
    /// of <paramref name="link"/> in it, which must lead through the gateway.
    /// </summary>
    public static async Task<string> FindAsync(PlatformFixture platform, string email, string subject, Regex link)
    {
        bool Wanted(MimeKit.MimeMessage m) => (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal);
        var mails = await Eventually.GetAsync(() => Task.FromResult(platform.Mail.ReceivedBy(email)),
            received => received.Any(Wanted), TimeSpan.FromSeconds(60), what: $"the mail \"{subject}…\" to {email}");
        var found = link.Match(mails.First(Wanted).TextBody ?? "").Value;
        Assert.StartsWith(platform.GatewayAddress.ToString(), found);
        return found;
    }
}
