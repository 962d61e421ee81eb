using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The one shape of an invitation to a consultation by personal link (a JST's strategic plan, a programme document): what
/// is consulted, the period, how the link works, the link itself, how comments are answered, that the link is personal.
/// </summary>
public static class ConsultationInvitationLayout
{
    private const string Unexpected = "Jeśli wiadomość trafiła do Ciebie przez pomyłkę, zignoruj ją.";

    public sealed record Words(string Opening, string How, string LinkText, string Answers, string Private);

    public static RenderedMail Render(string kind, string subject, string link, DateOnly opensOn, DateOnly closesOn, Words words)
    {
        var period = $"Uwagi przyjmujemy od {WarsawTime.InLetter(opensOn)} do {WarsawTime.InLetter(closesOn)} włącznie; potem link przestaje działać.";
        var html = Html.Escaped($"""
            <p>Dzień dobry!</p>
            <p>{words.Opening}</p>
            <p>{period}</p>
            <p>{words.How}</p>
            <p><a href="{link}">{words.LinkText}</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>{words.Answers}</p>
            <p><strong>{words.Private}</strong></p>
            <p>{Unexpected}</p>
            """);
        var text = $"""
            Dzień dobry!

            {words.Opening}

            {period}

            {words.How}
            {link}

            {words.Answers}

            {words.Private}

            {Unexpected}
            """;
        return new RenderedMail(kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}
