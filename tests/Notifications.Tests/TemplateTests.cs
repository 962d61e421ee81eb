using Cro.Notifications.Features.Mail;

namespace Cro.Notifications.Tests;

/// <summary>The templates and the Polish date, without a server.</summary>
public sealed class TemplateTests
{
    [Theory]
    [InlineData("2026-12-06T13:30:00Z", "6 grudnia 2026 r., 14:30")]
    [InlineData("2026-07-01T10:00:00Z", "1 lipca 2026 r., 12:00")]
    [InlineData("2026-12-31T23:30:00Z", "1 stycznia 2027 r., 00:30")]
    [InlineData("2026-03-29T01:05:00+00:00", "29 marca 2026 r., 03:05")]
    [InlineData("2026-09-15T08:00:00+02:00", "15 września 2026 r., 08:00")]
    public void Expiry_is_shown_in_Warsaw_time_in_Polish(string moment, string expected) =>
        Assert.Equal(expected, WarsawTime.Format(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_value_in_the_HTML_is_escaped_and_the_text_keeps_it_as_written()
    {
        var invitation = Events.Invitation(fullName: "<b>Ala</b> & Ola", role: "<i>nowa rola</i>") with
        {
            AcceptUrl = new Uri("https://cro.example.pl/zaproszenie?a=1&b=\"2\""),
        };

        var mail = InvitationMail.Render(invitation);

        AssertEscaped(mail, "<b>Ala</b> & Ola", "&lt;b&gt;Ala&lt;/b&gt; &amp; Ola");
        AssertEscaped(mail, "w roli: <i>nowa rola</i>", "w roli: <strong>&lt;i&gt;nowa rola&lt;/i&gt;</strong>");
        AssertEscaped(mail, "https://cro.example.pl/zaproszenie?a=1&b=%222%22",
            "href=\"https://cro.example.pl/zaproszenie?a=1&amp;b=%222%22\"");
    }

    [Fact]
    public void Html_part_is_a_Polish_page_with_the_subject_as_its_title()
    {
        var mail = InvitationMail.Render(Events.Invitation());

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
    public void Submission_without_a_coordinator_is_refused_rather_than_mailed_to_no_one()
    {
        var submitted = Events.SubmittedApplication();
        var leaderless = submitted with { Team = [.. submitted.Team.Select(member => member with { IsCoordinator = false })] };

        Assert.Throws<InvalidOperationException>(() => ApplicationSubmittedMail.Coordinator(leaderless));
    }

    /// <summary>What the text part holds as <paramref name="written"/>, the HTML part holds only as <paramref name="escaped"/>.</summary>
    private static void AssertEscaped(RenderedMail mail, string written, string escaped)
    {
        Assert.Contains(written, mail.Text);
        Assert.Contains(escaped, mail.Html);
        Assert.DoesNotContain(written, mail.Html);
    }
}
