using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// A survey after a point of the programme (a module, an advisory, a conference), and up to two reminders while it is not
/// answered: what it is about, that it is anonymous, until when it is open, and the personal link. The token is derived
/// here from the invitation's id (<see cref="LinkTokens"/>), as for a school director's link: it is in the mail's body and
/// nowhere else. The mail is kept by the address alone (conference participants have no account), so export and erasure
/// find it by the address.
/// </summary>
public static class SurveyInvitationMail
{
    public const string Kind = "survey-invitation";
    public const string ReminderKind = "survey-reminder";

    public static IReadOnlyList<string> Kinds { get; } = [Kind, ReminderKind];

    public static string Subject(SurveyInvitationMailRequested request) => request.Kind == SurveyMailKinds.Reminder
        ? $"Przypomnienie: {request.SurveyTitle} — {request.Subject}"
        : $"{request.SurveyTitle} — {request.Subject}";

    public static RenderedMail Render(SurveyInvitationMailRequested request, LinkTokens tokens)
    {
        var subject = Subject(request);
        var link = tokens.AddressOf(request.FormUrl, request.InvitationId);
        var reminder = request.Kind == SurveyMailKinds.Reminder;
        var greeting = string.IsNullOrWhiteSpace(request.FullName) ? "Dzień dobry!" : $"Dzień dobry, {request.FullName.Trim()}!";
        var opening = reminder
            ? $"Przypominamy o krótkiej ankiecie programu Cyfrowy Rozwój Oświaty (CRO) – {request.Subject}. Nie otrzymaliśmy jeszcze Twoich odpowiedzi."
            : $"Dziękujemy za udział w programie Cyfrowy Rozwój Oświaty (CRO) – {request.Subject}. Prosimy o wypełnienie krótkiej ankiety; zajmie kilka minut.";
        const string Anonymous = "Ankieta jest anonimowa: zapisujemy tylko, że została wypełniona (aby nie przypominać o niej ponownie), "
            + "a odpowiedzi przechowujemy bez związku z Tobą. Wyniki pokazujemy wyłącznie dla grup co najmniej 5 osób.";
        var period = $"Odpowiedzi przyjmujemy do {WarsawTime.InLetter(request.ClosesOn)} włącznie; potem link przestaje działać.";
        const string Private = "Link jest przeznaczony dla Ciebie – nie przekazuj go dalej. Nie wymaga zakładania konta.";
        const string Unexpected = "Jeśli wiadomość trafiła do Ciebie przez pomyłkę, zignoruj ją.";

        var html = Html.Escaped($"""
            <p>{greeting}</p>
            <p>{opening}</p>
            <p><a href="{link}">Wypełnij ankietę</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>{Anonymous}</p>
            <p>{period}</p>
            <p><strong>{Private}</strong></p>
            <p>{Unexpected}</p>
            """);
        var text = $"""
            {greeting}

            {opening}

            {link}

            {Anonymous}

            {period}

            {Private}

            {Unexpected}
            """;
        return new RenderedMail(reminder ? ReminderKind : Kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}

/// <summary>Queues the survey's mail in the inbox transaction; <see cref="MailSender"/> delivers it.</summary>
public sealed class SurveyInvitationMailRequestedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<SurveyInvitationMailRequested>(dataSource, _ => null, request => request.Email, request => SurveyInvitationMail.Render(request, tokens));
