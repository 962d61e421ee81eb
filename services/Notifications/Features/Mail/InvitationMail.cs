using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The invitation: who is invited, in which role and for which JST, why (an operator's invitation, an
/// accepted application, a change in the team), what the link does, until when it works, and whom to
/// write to when it does not.
/// </summary>
public static class InvitationMail
{
    public const string Kind = "invitation";

    public const string Subject = "Zaproszenie do platformy Cyfrowy Rozwój Oświaty";

    // The contract's role ids, as the invitee reads them ("w roli: …").
    private static readonly Dictionary<string, string> Roles = new()
    {
        ["admin"] = "administrator",
        ["operator"] = "operator ORE",
        ["trainer"] = "trener",
        ["advisor"] = "doradca",
        ["jst-coordinator"] = "koordynator JST",
        ["jst-member"] = "członek zespołu zadaniowego JST",
        ["ore-finance"] = "finanse projektu (ORE)",
        ["ore-esf-data"] = "dane uczestników EFS+ (ORE)",
    };

    public static RenderedMail Render(InvitationIssued invitation, OperatorContact contact)
    {
        var role = Roles.GetValueOrDefault(invitation.Role, invitation.Role);
        // "… JST Gromadka", or the code when the name did not travel (older events); never a bare "JST".
        var jst = invitation.Role is not ("jst-coordinator" or "jst-member") ? null
            : Blank(invitation.JstName) ?? (Blank(invitation.JstTerc) is { } terc ? $"o kodzie TERC {terc}" : null);
        var roleLine = jst is null ? role : $"{role} {jst}";
        var link = invitation.AcceptUrl.AbsoluteUri;
        var expires = WarsawTime.InLetter(invitation.ExpiresAt);
        var (why, renewal, unexpected) = Occasion(invitation.Occasion);
        var contactLine = contact.IsKnown ? $"Pytania? {contact.Sentence}" : "Pytania? Napisz do operatora programu.";

        var whyHtml = why is null ? "" : Html.Escaped($"<p>{why}</p>");
        var html = Html.Escaped($"""
            <p>Dzień dobry, {invitation.FullName}!</p>
            <p>Zapraszamy Cię do platformy Cyfrowy Rozwój Oświaty (CRO) w roli: <strong>{roleLine}</strong>.</p>
            """) + whyHtml + Html.Escaped($"""
            <p>Link poniżej otwiera zaproszenie: ustawisz w nim swoje hasło i zalogujesz się do platformy.</p>
            <p><a href="{link}">Przyjmij zaproszenie</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>Link jest ważny do {expires}. {renewal}</p>
            <p>{unexpected}</p>
            <p>{contactLine}</p>
            """);
        var whyText = why is null ? "" : why + "\n\n";
        var text = $"""
            Dzień dobry, {invitation.FullName}!

            Zapraszamy Cię do platformy Cyfrowy Rozwój Oświaty (CRO) w roli: {roleLine}.

            {whyText}Link poniżej otwiera zaproszenie: ustawisz w nim swoje hasło i zalogujesz się do platformy.
            {link}

            Link jest ważny do {expires}. {renewal}

            {unexpected}

            {contactLine}
            """;
        return new RenderedMail(Kind, Subject, MailLayout.HtmlPage(Subject, html), MailLayout.TextPage(text));
    }

    /// <summary>Why the mail came, who renews an expired link, and what to do with an unexpected one: an automatic invitation has no inviting person to ask.</summary>
    private static (string? Why, string Renewal, string Unexpected) Occasion(string? occasion) => occasion switch
    {
        InvitationOccasions.ApplicationAccepted => (
            "Wniosek Twojej JST o udział w programie został przyjęty, a Ty jesteś w jej zespole zadaniowym, dlatego platforma wysłała to zaproszenie automatycznie.",
            "Po tym terminie napisz do operatora programu, a wyślemy nowe zaproszenie.",
            "Jeśli nie należysz do zespołu zadaniowego tej JST, napisz do operatora programu; nie przyjmuj zaproszenia."),
        InvitationOccasions.TeamChange => (
            "Koordynator zespołu zadaniowego Twojej JST dodał Cię do zespołu, dlatego platforma wysłała to zaproszenie automatycznie.",
            "Po tym terminie poproś koordynatora zespołu albo operatora programu o nowe zaproszenie.",
            "Jeśli nie spodziewasz się tego zaproszenia, zapytaj koordynatora zespołu JST albo napisz do operatora programu; nie przyjmuj zaproszenia."),
        _ => (
            null,
            "Po tym terminie poproś osobę, która Cię zaprosiła, albo operatora programu o nowe zaproszenie.",
            "Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość."),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
