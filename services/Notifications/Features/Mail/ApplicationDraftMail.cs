using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The saved draft of an application, to its coordinator: which JST and round, the link that opens the
/// draft, that the link must stay private, and when the round closes.
/// </summary>
public static class ApplicationDraftMail
{
    public const string Kind = "application-draft";

    public static string Subject(ApplicationDraftStarted draft) =>
        $"Wniosek JST {draft.JstName} – dokończ i złóż do {WarsawTime.InLetter(draft.RoundClosesAt)}";

    public static RenderedMail Render(ApplicationDraftStarted draft)
    {
        var subject = Subject(draft);
        var link = draft.ResumeUrl.AbsoluteUri;
        var closes = WarsawTime.InLetter(draft.RoundClosesAt);

        var html = Html.Escaped($"""
            <p>Dzień dobry, {draft.CoordinatorName}!</p>
            <p>Zapisaliśmy wersję roboczą wniosku JST {draft.JstName} w naborze „{draft.RoundName}” programu Cyfrowy Rozwój Oświaty (CRO).</p>
            <p>Link poniżej otwiera wniosek: możesz go uzupełnić i złożyć.</p>
            <p><a href="{link}">Otwórz wniosek</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p><strong>Zachowaj ten link dla siebie</strong> – każdy, kto go zna, może zmieniać wersję roboczą wniosku.</p>
            <p>Nabór zamyka się {closes}. Wersja robocza nie bierze udziału w naborze – złóż wniosek przed tym terminem.</p>
            <p>Jeśli nie rozpoczynałeś(-aś) tego wniosku, zignoruj tę wiadomość.</p>
            """);
        var text = $"""
            Dzień dobry, {draft.CoordinatorName}!

            Zapisaliśmy wersję roboczą wniosku JST {draft.JstName} w naborze „{draft.RoundName}” programu Cyfrowy Rozwój Oświaty (CRO).

            Link poniżej otwiera wniosek: możesz go uzupełnić i złożyć.
            {link}

            Zachowaj ten link dla siebie – każdy, kto go zna, może zmieniać wersję roboczą wniosku.

            Nabór zamyka się {closes}. Wersja robocza nie bierze udziału w naborze – złóż wniosek przed tym terminem.

            Jeśli nie rozpoczynałeś(-aś) tego wniosku, zignoruj tę wiadomość.
            """;
        return new RenderedMail(Kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}
