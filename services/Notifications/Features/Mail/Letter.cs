using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// A mail that is a greeting and plain paragraphs, written once for both parts: each paragraph escaped
/// in its own &lt;p&gt; in the HTML, separated by a blank line in the text. The decisions about an
/// application and the withdrawal are written this way.
/// </summary>
internal static class Letter
{
    /// <summary>"{what} — {JST}", the subject of a mail about a JST's application.</summary>
    public static string Subject(string what, string jstName) => $"{what} — {jstName}";

    /// <summary>The application as the letters name it: "wniosek JST … w naborze „…” programu …".</summary>
    public static string Application(string jstName, string roundName) =>
        $"wniosek JST {jstName} w naborze „{roundName}” programu Cyfrowy Rozwój Oświaty (CRO)";

    /// <param name="paragraphs">Plain text, no markup; a null one is left out.</param>
    public static RenderedMail Render(string kind, string subject, string addressee, params IEnumerable<string?> paragraphs)
    {
        string[] all = [$"Dzień dobry, {addressee}!", .. paragraphs.OfType<string>()];
        var html = string.Join("\n", all.Select(paragraph => Html.Escaped($"<p>{paragraph}</p>")));
        var text = string.Join("\n\n", all);
        return new RenderedMail(kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}
