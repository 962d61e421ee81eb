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

    /// <summary>
    /// A letter with one link to act on (a registration's own page): the paragraphs before it, the link (its label in the
    /// HTML, the address itself in the text, and the address to copy under it in the HTML), and the paragraphs after.
    /// </summary>
    public static RenderedMail WithLink(string kind, string subject, string addressee, IEnumerable<string?> before, string label, string url,
        IEnumerable<string?> after)
    {
        string[] opening = [$"Dzień dobry, {addressee}!", .. before.OfType<string>()];
        var closing = after.OfType<string>().ToList();
        var html = string.Join("\n", [
            .. opening.Select(paragraph => Html.Escaped($"<p>{paragraph}</p>")),
            Html.Escaped($"<p><a href=\"{url}\">{label}</a></p>"),
            Html.Escaped($"<p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{url}</p>"),
            .. closing.Select(paragraph => Html.Escaped($"<p>{paragraph}</p>"))]);
        var text = string.Join("\n\n", [.. opening, $"{label}: {url}", .. closing]);
        return new RenderedMail(kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }

    /// <param name="paragraphs">Plain text, no markup; a null one is left out.</param>
    public static RenderedMail Render(string kind, string subject, string addressee, params IEnumerable<string?> paragraphs)
    {
        string[] all = [$"Dzień dobry, {addressee}!", .. paragraphs.OfType<string>()];
        var html = string.Join("\n", all.Select(paragraph => Html.Escaped($"<p>{paragraph}</p>")));
        var text = string.Join("\n\n", all);
        return new RenderedMail(kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}
