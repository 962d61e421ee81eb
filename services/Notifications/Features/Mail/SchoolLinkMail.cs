using Cro.ServiceDefaults.Security;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// A school director's personal link to the school's diagnosis questionnaire, from the JST's team: when the team issues
/// it, and again as a reminder while the school has not submitted. The token is derived here from the link's id
/// (<see cref="LinkTokens"/>): it is in the mail's body and nowhere else.
/// </summary>
public static class SchoolLinkMail
{
    public const string Kind = "school-link";
    public const string ReminderKind = "school-link-reminder";

    public static IReadOnlyList<string> Kinds { get; } = [Kind, ReminderKind];

    public static string Subject(SchoolLinkMailRequested request) => request.Occasion == SchoolLinkMailOccasions.Reminder
        ? $"Przypomnienie: kwestionariusz diagnozy szkoły — {request.SchoolName}"
        : $"Kwestionariusz diagnozy szkoły — {request.SchoolName}";

    public static RenderedMail Render(SchoolLinkMailRequested request, LinkTokens tokens)
    {
        var subject = Subject(request);
        var link = tokens.AddressOf(request.FormUrl, request.LinkId);
        var jst = string.IsNullOrWhiteSpace(request.JstName) ? $"JST o kodzie TERC {request.JstTerc}" : $"JST {request.JstName.Trim()}";
        var reminder = request.Occasion == SchoolLinkMailOccasions.Reminder;
        var opening = reminder
            ? $"Przypominamy, że kwestionariusz diagnozy stanu cyfryzacji szkoły {request.SchoolName} nie został jeszcze przesłany. Zespół zadaniowy {jst} prosi o jego wypełnienie."
            : $"Zespół zadaniowy {jst} prowadzi w programie Cyfrowy Rozwój Oświaty (CRO) diagnozę stanu cyfryzacji szkół i prosi o wypełnienie kwestionariusza szkoły {request.SchoolName}.";
        var expires = request.ExpiresAt is { } at
            ? $"Link działa do {WarsawTime.InLetter(at)}, a także do zakończenia zbierania danych przez zespół JST, jeśli nastąpi wcześniej."
            : "Link działa do zakończenia zbierania danych przez zespół JST.";
        const string How = "Link otwiera kwestionariusz bez zakładania konta. Odpowiedzi zapisują się na bieżąco, więc można do niego wracać; na końcu prześlij kwestionariusz.";
        const string Private = "Zachowaj ten link dla siebie i osób wypełniających kwestionariusz w szkole – każdy, kto go zna, może zmieniać odpowiedzi szkoły.";
        const string Unexpected = "Jeśli wiadomość trafiła do Ciebie przez pomyłkę, przekaż ją zespołowi JST albo zignoruj.";

        var html = Html.Escaped($"""
            <p>Dzień dobry!</p>
            <p>{opening}</p>
            <p>{How}</p>
            <p><a href="{link}">Otwórz kwestionariusz szkoły</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>{expires}</p>
            <p><strong>{Private}</strong></p>
            <p>{Unexpected}</p>
            """);
        var text = $"""
            Dzień dobry!

            {opening}

            {How}
            {link}

            {expires}

            {Private}

            {Unexpected}
            """;
        return new RenderedMail(reminder ? ReminderKind : Kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}

/// <summary>
/// Queues the school link's mail in the inbox transaction; <see cref="MailSender"/> delivers it. The director has no
/// account: the mail is kept by the address alone (export and erasure find it by the address).
/// </summary>
public sealed class SchoolLinkMailRequestedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<SchoolLinkMailRequested>(dataSource, _ => null, request => request.DirectorEmail, request => SchoolLinkMail.Render(request, tokens));
