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

        // The row is marked sent after the server accepted the mail: a moment after the server has it.
        var stored = Assert.Single(await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId),
            rows => rows is [{ Status: "sent" }], what: "the mail marked sent"));
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
    public async Task Draft_mail_gives_the_coordinator_the_resume_link_the_warning_to_keep_it_and_the_closing_time()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        const string jst = "Gmina <Nowy> Targ & \"Okolice\"";
        var draft = Events.ApplicationDraft(jstName: jst, coordinatorName: "Anna Nowak");

        await service.Bus.Publish(draft, Ct);

        var mail = Assert.Single(await smtp.WaitForAsync(draft.CoordinatorEmail));
        var (html, text) = Bodies(mail);
        Assert.Equal($"Wniosek JST {jst} – dokończ i złóż do 6 grudnia 2026 r., 14:30", mail.Subject);
        Assert.Equal(draft.ResumeUrl.AbsoluteUri, WebUtility.HtmlDecode(Href().Match(html).Groups[1].Value));
        Assert.Contains(draft.ResumeUrl.AbsoluteUri, text);
        Assert.DoesNotContain("<Nowy>", html);
        Assert.Contains("Gmina &lt;Nowy&gt; Targ &amp; &quot;Okolice&quot;", html);
        foreach (var part in new[] { WebUtility.HtmlDecode(html), text })
        {
            Assert.Contains("Dzień dobry, Anna Nowak!", part);
            Assert.Contains($"wersję roboczą wniosku JST {jst} w naborze „Nabór 2026/2027”", part);
            Assert.Contains("każdy, kto go zna, może zmieniać wersję roboczą wniosku", part);
            Assert.Contains("Nabór zamyka się 6 grudnia 2026 r., 14:30.", part);
        }

        // The coordinator has no account yet: the mail is kept without a person id.
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(draft.CoordinatorEmail),
            rows => rows is [{ Status: "sent" }], what: "the mail marked sent");
        Assert.Null(stored[0].UserId);
        Assert.Equal("application-draft", stored[0].Kind);
    }

    [Fact]
    public async Task Submission_is_confirmed_to_the_coordinator_alone_with_the_team_and_the_score_but_not_the_sex()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        const string coordinatorName = "Ola <b>Nowak</b> & \"Kowalska\"";
        var submitted = Events.SubmittedApplication(jstName: "Miasto <Kraków>", coordinatorName: coordinatorName);
        var coordinator = submitted.Team.Single(member => member.IsCoordinator);

        await service.Bus.Publish(submitted, Ct);

        var mail = Assert.Single(await smtp.WaitForAsync(coordinator.Email));
        var (html, text) = Bodies(mail);
        Assert.Equal("Potwierdzenie złożenia wniosku – Miasto <Kraków>", mail.Subject);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<Kraków>", html);
        Assert.Contains("Ola &lt;b&gt;Nowak&lt;/b&gt; &amp; &quot;Kowalska&quot;", html);
        Assert.Contains("Imię i nazwisko</th><th align=\"left\">Stanowisko</th><th align=\"left\">E-mail</th>", html);
        Assert.Contains($"<td>{coordinator.Email}</td><td>tak</td></tr>", html);
        foreach (var part in new[] { WebUtility.HtmlDecode(html), text })
        {
            Assert.Contains($"Dzień dobry, {coordinatorName}!", part);
            Assert.Contains("Nabór 2026/2027", part);
            Assert.Contains("Miasto <Kraków> (TERC 1211092)", part);
            Assert.Contains("1 lipca 2026 r., 12:00", part);
            Assert.Contains("ostateczna decyzja zapadnie po weryfikacji wniosku przez operatora", part);
            Assert.All(submitted.Team, member =>
            {
                Assert.Contains(member.FullName, part);
                Assert.Contains(member.Position, part);
                Assert.Contains(member.Email, part);
                Assert.DoesNotContain(member.Sex, part);
            });
        }
        Assert.Contains("<th align=\"left\">Punkty</th><td>37</td>", html);
        Assert.Contains("Punkty: 37", text);
        Assert.Contains($"- {coordinatorName}, sekretarz gminy, {coordinator.Email} – koordynator", text);

        // Only the coordinator is written to, and the mail is kept under their team member id.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(smtp.Received);
        var stored = await Eventually.GetAsync(() => service.StoredMailAsync(coordinator.MemberId),
            rows => rows is [{ Status: "sent" }], what: "the mail marked sent");
        Assert.Equal(("application-submitted", coordinator.Email), (stored[0].Kind, stored[0].Recipient));
    }

    [Fact]
    public async Task Decisions_and_the_withdrawal_each_reach_the_coordinator_alone_once_with_their_subject_and_content()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var accepted = Events.AcceptedApplication(jstName: "Gmina <Nowy> Targ", promotedFromReserve: true);
        var reserve = Events.ApplicationOnReserve(jstName: "Gmina Bukowina");
        var rejected = Events.RejectedApplication(reason: "Brak <b>podpisu</b> & \"pieczęci\"", jstName: "Gmina Czarny Dunajec");
        var withdrew = Events.Withdrawal(reason: "Zmiana <priorytetów> gminy", jstName: "Gmina Dębno");
        var expected = new (object Event, IReadOnlyList<TaskTeamMember> Team, string Kind, string Subject, string Content)[]
        {
            (accepted, accepted.Team, "application-accepted", "Wniosek przyjęty — Gmina <Nowy> Targ",
                "przeszedł z listy rezerwowej na listę przyjętych, ponieważ inna JST zrezygnowała z udziału w naborze"),
            (reserve, [reserve.Coordinator], "application-reserve", "Wniosek na liście rezerwowej — Gmina Bukowina",
                "został umieszczony na liście rezerwowej"),
            (rejected, [rejected.Coordinator], "application-rejected", "Wniosek odrzucony — Gmina Czarny Dunajec",
                "Uzasadnienie operatora programu: Brak <b>podpisu</b> & \"pieczęci\""),
            (withdrew, withdrew.Team, "jst-withdrew", "Potwierdzenie rezygnacji — Gmina Dębno",
                "Podany powód rezygnacji: Zmiana <priorytetów> gminy"),
        };

        foreach (var (message, _, _, _, _) in expected)
        {
            await service.Bus.Publish(message, Ct);
        }

        foreach (var (_, team, kind, subject, content) in expected)
        {
            var coordinator = team.Single(member => member.IsCoordinator);
            var mail = Assert.Single(await smtp.WaitForAsync(coordinator.Email));
            var (html, text) = Bodies(mail);
            Assert.Equal(subject, mail.Subject);
            Assert.DoesNotContain("<Nowy>", html);
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("<priorytetów>", html);
            foreach (var part in new[] { WebUtility.HtmlDecode(html), text })
            {
                Assert.Contains($"Dzień dobry, {coordinator.FullName}!", part);
                Assert.Contains(content, part);
                Assert.All(team, member => Assert.DoesNotContain(member.Sex, part));
            }
            // Kept under the coordinator's team member id, as they may have no account yet.
            var stored = await Eventually.GetAsync(() => service.StoredMailAsync(coordinator.MemberId),
                rows => rows is [{ Status: "sent" }], what: "the mail marked sent");
            Assert.Equal((kind, coordinator.Email), (stored[0].Kind, stored[0].Recipient));
        }

        // No one else on the teams is written to.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(expected.Length, smtp.Received.Count);
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
