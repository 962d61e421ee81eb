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

        Assert.DoesNotContain("<b>", mail.Html);
        Assert.DoesNotContain("<i>", mail.Html);
        Assert.Contains("&lt;b&gt;Ala&lt;/b&gt; &amp; Ola", mail.Html);
        Assert.Contains("href=\"https://cro.example.pl/zaproszenie?a=1&amp;b=%222%22\"", mail.Html);
        Assert.Contains("<b>Ala</b> & Ola", mail.Text);
        Assert.Contains("w roli: <i>nowa rola</i>", mail.Text);
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
}
