using Cro.Tests.Infrastructure;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Cro.Notifications.Tests;

/// <summary>What the person finds in their mailbox, sent through a real SMTP conversation.</summary>
public sealed partial class MailContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invitation_reaches_the_invitee_with_the_link_in_both_parts_and_a_Polish_subject()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var invitation = Events.Invitation(fullName: "Anna Nowak", role: "jst-coordinator");

        await service.Bus.Publish(invitation, Ct);

        var mail = Assert.Single(await smtp.WaitForAsync(invitation.Email));
        var (html, text) = Bodies(mail);
        Assert.Equal("Zaproszenie do platformy Cyfrowy Rozwój Oświaty", mail.Subject);
        Assert.Equal("no-reply@cro.local", mail.From.Mailboxes.Single().Address);
        Assert.Equal(invitation.AcceptUrl.AbsoluteUri, WebUtility.HtmlDecode(Href().Match(html).Groups[1].Value));
        Assert.Contains(invitation.AcceptUrl.AbsoluteUri, text);
        foreach (var part in new[] { html, text })
        {
            Assert.Contains("Dzień dobry, Anna Nowak!", part);
            Assert.Contains("w roli: ", part);
            Assert.Contains("koordynator JST", part);
            Assert.Contains("ustawisz w nim swoje hasło", part);
            Assert.Contains("Link jest ważny do 6 grudnia 2026 r., 14:30.", part);
        }

        var stored = Assert.Single(await service.StoredMailAsync(invitation.UserId));
        Assert.Equal(("sent", 1, invitation.Email), (stored.Status, stored.Attempts, stored.Recipient));
        Assert.Equal(service.Sender.MessageIdOf(stored.Id), mail.MessageId);
    }

    [Fact]
    public async Task Password_reset_mail_links_to_the_form_and_gives_the_expiry_in_Warsaw_summer_time()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var userId = Guid.CreateVersion7();
        var reset = Events.PasswordReset(userId, $"{userId:N}@powiat.example.pl", "Jan Kowalski");

        await service.Bus.Publish(reset, Ct);

        var mail = Assert.Single(await smtp.WaitForAsync(reset.Email));
        var (html, text) = Bodies(mail);
        Assert.Equal("Nowe hasło do platformy Cyfrowy Rozwój Oświaty", mail.Subject);
        Assert.Equal(reset.ResetUrl.AbsoluteUri, WebUtility.HtmlDecode(Href().Match(html).Groups[1].Value));
        Assert.Contains(reset.ResetUrl.AbsoluteUri, text);
        Assert.All(new[] { html, text }, part =>
        {
            Assert.Contains("Dzień dobry, Jan Kowalski!", part);
            Assert.Contains("Link jest ważny do 1 lipca 2026 r., 12:00.", part);
            Assert.Contains("dotychczasowe hasło pozostanie bez zmian", part);
        });
    }

    [Fact]
    public async Task Name_with_HTML_characters_is_escaped_in_the_HTML_part_and_kept_as_written_in_the_text()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        const string name = "Ola <script>alert('x')</script> & \"Kowalska\"";
        var invitation = Events.Invitation(fullName: name);

        await service.Bus.Publish(invitation, Ct);

        var (html, text) = Bodies(Assert.Single(await smtp.WaitForAsync(invitation.Email)));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains($"Dzień dobry, {name}!", WebUtility.HtmlDecode(html));
        Assert.Contains($"Dzień dobry, {name}!", text);
    }

    [Fact]
    public async Task Worker_answers_the_health_probes()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Ct)).StatusCode);
    }

    /// <summary>The HTML part and its plain-text alternative; a mail without both fails the test.</summary>
    private static (string Html, string Text) Bodies(MimeMessage mail)
    {
        Assert.Equal("multipart/alternative", Assert.IsAssignableFrom<MimeEntity>(mail.Body).ContentType.MimeType);
        return (Assert.IsType<string>(mail.HtmlBody), Assert.IsType<string>(mail.TextBody));
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
