using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>The password reset: what was asked for, the link to the form, until when it works, and what to do if it was not you.</summary>
public static class PasswordResetMail
{
    public const string Kind = "password-reset";

    public const string Subject = "Nowe hasło do platformy Cyfrowy Rozwój Oświaty";

    public static RenderedMail Render(PasswordResetRequested reset)
    {
        var link = reset.ResetUrl.AbsoluteUri;
        var expires = WarsawTime.InLetter(reset.ExpiresAt);

        var html = Html.Escaped($"""
            <p>Dzień dobry, {reset.FullName}!</p>
            <p>Otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta w platformie Cyfrowy Rozwój Oświaty (CRO).</p>
            <p>Link poniżej otwiera formularz, w którym ustawisz nowe hasło.</p>
            <p><a href="{link}">Ustaw nowe hasło</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>Link jest ważny do {expires}. Po tym terminie możesz poprosić o nowy link na stronie logowania.</p>
            <p>Jeśli to nie Ty prosisz o nowe hasło, zignoruj tę wiadomość – dotychczasowe hasło pozostanie bez zmian.</p>
            """);
        var text = $"""
            Dzień dobry, {reset.FullName}!

            Otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta w platformie Cyfrowy Rozwój Oświaty (CRO).

            Link poniżej otwiera formularz, w którym ustawisz nowe hasło.
            {link}

            Link jest ważny do {expires}. Po tym terminie możesz poprosić o nowy link na stronie logowania.

            Jeśli to nie Ty prosisz o nowe hasło, zignoruj tę wiadomość – dotychczasowe hasło pozostanie bez zmian.
            """;
        return new RenderedMail(Kind, Subject, MailLayout.HtmlPage(Subject, html), MailLayout.TextPage(text));
    }
}
