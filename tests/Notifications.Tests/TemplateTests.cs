using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;
using Cro.ServiceDefaults;

namespace Cro.Notifications.Tests;

/// <summary>The templates and the Polish date, without a server.</summary>
public sealed class TemplateTests
{
    private static readonly OperatorContact Contact = new("pomoc@cro.example.pl", "+48 22 111 22 33");

    [Fact]
    public void An_invitation_sent_on_acceptance_names_the_JST_says_why_it_came_and_gives_the_operators_contact()
    {
        var invitation = Events.Invitation(role: "jst-member") with { JstName = "Gromadka", Occasion = InvitationOccasions.ApplicationAccepted };

        var mail = InvitationMail.Render(invitation, Contact);

        Assert.Contains("w roli: członek zespołu zadaniowego JST Gromadka.", mail.Text);
        Assert.Contains("<strong>członek zespołu zadaniowego JST Gromadka</strong>.", mail.Html);
        Assert.Contains("wysłała to zaproszenie automatycznie", mail.Text);
        Assert.DoesNotContain("osobę, która Cię zaprosiła", mail.Text);
        Assert.Contains("napisz do operatora programu", mail.Text);
        Assert.Contains("pomoc@cro.example.pl", mail.Text);
        Assert.Contains("tel. +48 22 111 22 33", mail.Text);
        Assert.DoesNotContain("JST .", mail.Text);
    }

    [Fact]
    public void An_invitation_after_a_team_change_sends_the_person_to_the_coordinator_and_the_operator()
    {
        var invitation = Events.Invitation(role: "jst-member") with { JstName = "Gromadka", Occasion = InvitationOccasions.TeamChange };

        var mail = InvitationMail.Render(invitation, Contact);

        Assert.Contains("Koordynator zespołu zadaniowego Twojej JST dodał Cię do zespołu", mail.Text);
        Assert.Contains("poproś koordynatora zespołu albo operatora programu", mail.Text);
        Assert.DoesNotContain("osobę, która Cię zaprosiła", mail.Text);
    }

    [Fact]
    public void An_operators_invitation_sends_the_invitee_to_whoever_invited_them_and_gives_the_contact()
    {
        var mail = InvitationMail.Render(Events.Invitation(role: "trainer") with { JstTerc = null, Occasion = InvitationOccasions.ByPerson }, Contact);

        Assert.Contains("w roli: trener.", mail.Text);
        Assert.Contains("poproś osobę, która Cię zaprosiła, albo operatora programu", mail.Text);
        Assert.Contains("Kontakt z operatorem programu: e-mail pomoc@cro.example.pl, tel. +48 22 111 22 33.", mail.Text);
    }

    [Fact]
    public void An_older_invitation_without_the_JST_name_names_its_code_never_a_bare_JST()
    {
        var mail = InvitationMail.Render(Events.Invitation(role: "jst-coordinator"), new OperatorContact(null, null));

        Assert.Contains("w roli: koordynator JST o kodzie TERC 2261011.", mail.Text);
        Assert.Contains("Pytania? Napisz do operatora programu.", mail.Text);
    }

    [Fact]
    public void A_debate_confirmation_without_the_operators_contact_still_says_whom_to_write_to_and_escapes_the_topic()
    {
        var registration = Events.DebateRegistration(DateTimeOffset.Parse("2026-10-24T16:00:00Z"), topic: "Tablety <i>czy</i> książki?");

        var mail = DebateRegistrationMail.Render(registration, new OperatorContact(null, null));

        Assert.Equal(DebateRegistrationMail.Kind, mail.Kind);
        Assert.Contains("Termin: 24 października 2026 r., 18:00 (czas polski).", mail.Text);
        Assert.Contains("napisz do organizatora debaty (JST Gromadka) albo do operatora programu.", mail.Text);
        AssertEscaped(mail, "„Tablety <i>czy</i> książki?”", "„Tablety &lt;i&gt;czy&lt;/i&gt; książki?”");
    }

    [Theory]
    [InlineData("2026-12-06T13:30:00Z", "6 grudnia 2026 r., 14:30")]
    [InlineData("2026-07-01T10:00:00Z", "1 lipca 2026 r., 12:00")]
    [InlineData("2026-12-31T23:30:00Z", "1 stycznia 2027 r., 00:30")]
    [InlineData("2026-03-29T01:05:00+00:00", "29 marca 2026 r., 03:05")]
    [InlineData("2026-09-15T08:00:00+02:00", "15 września 2026 r., 08:00")]
    public void Expiry_is_shown_in_Warsaw_time_in_Polish(string moment, string expected) =>
        Assert.Equal(expected, WarsawTime.InLetter(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_value_in_the_HTML_is_escaped_and_the_text_keeps_it_as_written()
    {
        var invitation = Events.Invitation(fullName: "<b>Ala</b> & Ola", role: "<i>nowa rola</i>") with
        {
            AcceptUrl = new Uri("https://cro.example.pl/zaproszenie?a=1&b=\"2\""),
        };

        var mail = InvitationMail.Render(invitation, Contact);

        AssertEscaped(mail, "<b>Ala</b> & Ola", "&lt;b&gt;Ala&lt;/b&gt; &amp; Ola");
        AssertEscaped(mail, "w roli: <i>nowa rola</i>", "w roli: <strong>&lt;i&gt;nowa rola&lt;/i&gt;</strong>");
        AssertEscaped(mail, "https://cro.example.pl/zaproszenie?a=1&b=%222%22",
            "href=\"https://cro.example.pl/zaproszenie?a=1&amp;b=%222%22\"");
    }

    [Fact]
    public void Html_part_is_a_Polish_page_with_the_subject_as_its_title()
    {
        var mail = InvitationMail.Render(Events.Invitation(), Contact);

        Assert.StartsWith("<!DOCTYPE html>", mail.Html);
        Assert.Contains("<html lang=\"pl\">", mail.Html);
        Assert.Contains($"<title>{InvitationMail.Subject}</title>", mail.Html);
        Assert.Contains("Zespół programu Cyfrowy Rozwój Oświaty", mail.Text);
    }

    [Fact]
    public void Draft_escapes_every_value_in_the_HTML_and_links_to_the_draft_as_sent()
    {
        var draft = Events.ApplicationDraft(jstName: "<b>Gmina</b> & Co", coordinatorName: "<i>Ala</i>") with
        {
            RoundName = "Nabór <2026>",
            ResumeUrl = new Uri("https://cro.example.pl/wniosek/1?klucz=a&b=\"2\""),
        };

        var mail = ApplicationDraftMail.Render(draft);

        Assert.Equal(ApplicationDraftMail.Kind, mail.Kind);
        Assert.Equal("Wniosek JST <b>Gmina</b> & Co – dokończ i złóż do 6 grudnia 2026 r., 14:30", mail.Subject);
        Assert.Contains("<title>Wniosek JST &lt;b&gt;Gmina&lt;/b&gt; &amp; Co", mail.Html);
        AssertEscaped(mail, "wniosku JST <b>Gmina</b> & Co w naborze „Nabór <2026>”",
            "wniosku JST &lt;b&gt;Gmina&lt;/b&gt; &amp; Co w naborze „Nabór &lt;2026&gt;”");
        AssertEscaped(mail, "Dzień dobry, <i>Ala</i>!", "Dzień dobry, &lt;i&gt;Ala&lt;/i&gt;!");
        AssertEscaped(mail, "https://cro.example.pl/wniosek/1?klucz=a&b=%222%22",
            "href=\"https://cro.example.pl/wniosek/1?klucz=a&amp;b=%222%22\"");
    }

    [Fact]
    public void Submission_lists_the_whole_team_in_a_table_marks_the_coordinator_and_leaves_out_the_sex()
    {
        var submitted = Events.SubmittedApplication();

        var mail = ApplicationSubmittedMail.Render(submitted);

        Assert.Equal(ApplicationSubmittedMail.Kind, mail.Kind);
        Assert.Equal("Potwierdzenie złożenia wniosku – Gmina Nowy Targ", mail.Subject);
        Assert.Equal(submitted.Team.Count + 1, mail.Html.Split("<tr><td>").Length);
        Assert.All(submitted.Team, member =>
        {
            var coordinator = member.IsCoordinator ? "tak" : "nie";
            Assert.Contains($"<tr><td>{member.FullName}</td><td>{member.Position}</td><td>{member.Email}</td><td>{coordinator}</td></tr>", mail.Html);
            Assert.Contains($"- {member.FullName}, {member.Position}, {member.Email}", mail.Text);
            Assert.DoesNotContain(member.Sex, mail.Html);
            Assert.DoesNotContain(member.Sex, mail.Text);
        });
        Assert.DoesNotContain("Płeć", mail.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mail_about_a_team_without_a_coordinator_is_refused_rather_than_mailed_to_no_one()
    {
        static IReadOnlyList<TaskTeamMember> Leaderless(IReadOnlyList<TaskTeamMember> team) =>
            [.. team.Select(member => member with { IsCoordinator = false })];
        var submitted = Events.SubmittedApplication();
        var accepted = Events.AcceptedApplication();
        var withdrew = Events.Withdrawal();

        Assert.Throws<InvalidOperationException>(() => ApplicationSubmittedMail.Coordinator(submitted with { Team = Leaderless(submitted.Team) }));
        Assert.Throws<InvalidOperationException>(() => ApplicationAcceptedMail.Render(accepted with { Team = Leaderless(accepted.Team) }));
        Assert.Throws<InvalidOperationException>(() => JstWithdrewMail.Render(withdrew with { Team = Leaderless(withdrew.Team) }));
    }

    [Theory]
    [InlineData(ApplicationAcceptedMail.Kind, "Wniosek przyjęty")]
    [InlineData(ApplicationReserveMail.Kind, "Wniosek na liście rezerwowej")]
    [InlineData(ApplicationRejectedMail.Kind, "Wniosek odrzucony")]
    [InlineData(JstWithdrewMail.Kind, "Potwierdzenie rezygnacji")]
    public void Decision_greets_the_coordinator_names_the_JST_and_the_round_escaped_and_leaves_out_the_sex(string kind, string subject)
    {
        const string jst = "<b>Gmina</b> & Co";
        const string coordinatorName = "<i>Ala</i>";
        var (mail, team) = kind switch
        {
            ApplicationAcceptedMail.Kind => Decision(Events.AcceptedApplication(jst, coordinatorName) with { RoundName = "Nabór <2026>" },
                ApplicationAcceptedMail.Render, accepted => accepted.Team),
            ApplicationReserveMail.Kind => Decision(Events.ApplicationOnReserve(jst, coordinatorName) with { RoundName = "Nabór <2026>" },
                ApplicationReserveMail.Render, reserve => [reserve.Coordinator]),
            ApplicationRejectedMail.Kind => Decision(Events.RejectedApplication(jstName: jst, coordinatorName: coordinatorName) with { RoundName = "Nabór <2026>" },
                ApplicationRejectedMail.Render, rejected => [rejected.Coordinator]),
            _ => Decision(Events.Withdrawal(jstName: jst, coordinatorName: coordinatorName) with { RoundName = "Nabór <2026>" },
                JstWithdrewMail.Render, withdrew => withdrew.Team),
        };

        Assert.Equal(kind, mail.Kind);
        Assert.Equal($"{subject} — {jst}", mail.Subject);
        Assert.Contains($"<title>{subject} — &lt;b&gt;Gmina&lt;/b&gt; &amp; Co</title>", mail.Html);
        AssertEscaped(mail, "Dzień dobry, <i>Ala</i>!", "<p>Dzień dobry, &lt;i&gt;Ala&lt;/i&gt;!</p>");
        AssertEscaped(mail, "JST <b>Gmina</b> & Co", "JST &lt;b&gt;Gmina&lt;/b&gt; &amp; Co");
        AssertEscaped(mail, "naborze „Nabór <2026>” programu Cyfrowy Rozwój Oświaty (CRO)",
            "naborze „Nabór &lt;2026&gt;” programu Cyfrowy Rozwój Oświaty (CRO)");
        Assert.All(team, member =>
        {
            Assert.DoesNotContain(member.Sex, mail.Html);
            Assert.DoesNotContain(member.Sex, mail.Text);
        });
        Assert.Contains("Zespół programu Cyfrowy Rozwój Oświaty", mail.Text);
    }

    [Fact]
    public void Acceptance_tells_of_the_invitations_and_the_next_steps_and_of_the_promotion_only_when_there_was_one()
    {
        var accepted = ApplicationAcceptedMail.Render(Events.AcceptedApplication());
        var promoted = ApplicationAcceptedMail.Render(Events.AcceptedApplication(promotedFromReserve: true));

        Assert.Equal("Wniosek przyjęty — Gmina Nowy Targ", accepted.Subject);
        foreach (var part in new[] { accepted.Html, accepted.Text, promoted.Html, promoted.Text })
        {
            Assert.Contains("Dzień dobry, Anna Nowak!", part);
            Assert.Contains("wniosek JST Gmina Nowy Targ w naborze „Nabór 2026/2027” programu Cyfrowy Rozwój Oświaty (CRO) został przyjęty", part);
            Assert.Contains("osobną wiadomość e-mail z zaproszeniem do założenia konta w platformie CRO", part);
            Assert.Contains("moduły szkoleniowe", part);
            Assert.Contains("12 miesięcy wsparcia doradczego", part);
        }
        Assert.Contains("został przyjęty.", accepted.Text);
        Assert.DoesNotContain("rezerwow", accepted.Text);
        Assert.DoesNotContain("rezerwow", accepted.Html);
        Assert.Contains("przeszedł z listy rezerwowej na listę przyjętych, ponieważ inna JST zrezygnowała z udziału w naborze", promoted.Text);
        Assert.Contains("przeszedł z listy rezerwowej na listę przyjętych, ponieważ inna JST zrezygnowała z udziału w naborze", promoted.Html);
    }

    [Fact]
    public void Reserve_says_the_application_moves_up_on_its_own_when_a_place_frees_up()
    {
        var mail = ApplicationReserveMail.Render(Events.ApplicationOnReserve());

        Assert.Equal("Wniosek na liście rezerwowej — Gmina Nowy Targ", mail.Subject);
        Assert.All(new[] { mail.Html, mail.Text }, part =>
        {
            Assert.Contains("został umieszczony na liście rezerwowej", part);
            Assert.Contains("Jeśli w naborze zwolni się miejsce", part);
            Assert.Contains("przechodzą na listę przyjętych automatycznie", part);
            Assert.Contains("poinformujemy Cię o tym w osobnej wiadomości", part);
        });
    }

    [Fact]
    public void Rejection_gives_the_operators_reason_escaped_in_the_HTML()
    {
        var mail = ApplicationRejectedMail.Render(Events.RejectedApplication(reason: "Brak <b>podpisu</b> & \"pieczęci\""));

        Assert.Equal("Wniosek odrzucony — Gmina Nowy Targ", mail.Subject);
        Assert.Contains("został odrzucony.", mail.Text);
        AssertEscaped(mail, "Uzasadnienie operatora programu: Brak <b>podpisu</b> & \"pieczęci\"",
            "Uzasadnienie operatora programu: Brak &lt;b&gt;podpisu&lt;/b&gt; &amp; &quot;pieczęci&quot;");
    }

    [Theory]
    [InlineData("Zmiana <priorytetów> & budżetu", true)]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    public void Withdrawal_is_confirmed_with_the_reason_when_one_was_given(string? reason, bool given)
    {
        var mail = JstWithdrewMail.Render(Events.Withdrawal(reason));

        Assert.Equal("Potwierdzenie rezygnacji — Gmina Nowy Targ", mail.Subject);
        Assert.All(new[] { mail.Html, mail.Text }, part => Assert.Contains(
            "Potwierdzamy rezygnację JST Gmina Nowy Targ z udziału w naborze „Nabór 2026/2027” programu Cyfrowy Rozwój Oświaty (CRO), zgłoszoną 1 października 2026 r., 10:00.",
            part));
        if (given)
        {
            AssertEscaped(mail, $"Podany powód rezygnacji: {reason}", "Podany powód rezygnacji: Zmiana &lt;priorytetów&gt; &amp; budżetu");
        }
        else
        {
            Assert.DoesNotContain("powód", mail.Text);
            Assert.DoesNotContain("powód", mail.Html);
        }
    }

    private static (RenderedMail Mail, IReadOnlyList<TaskTeamMember> Team) Decision<TEvent>(TEvent decision,
        Func<TEvent, RenderedMail> render, Func<TEvent, IReadOnlyList<TaskTeamMember>> team) => (render(decision), team(decision));

    /// <summary>What the text part holds as <paramref name="written"/>, the HTML part holds only as <paramref name="escaped"/>.</summary>
    private static void AssertEscaped(RenderedMail mail, string written, string escaped)
    {
        Assert.Contains(written, mail.Text);
        Assert.Contains(escaped, mail.Html);
        Assert.DoesNotContain(written, mail.Html);
    }
}
