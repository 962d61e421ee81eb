using Cro.Contracts;

namespace Cro.Notifications.Features.Mail;

/// <summary>The invitation: who is invited and in which role, what the link does, the link, and until when it works.</summary>
public static class InvitationMail
{
    public const string Kind = "invitation";

    public const string Subject = "Zaproszenie do platformy Cyfrowy Rozwój Oświaty";

    // The contract's role ids, as the invitee reads them.
    private static readonly Dictionary<string, string> Roles = new()
    {
        ["admin"] = "administrator",
        ["operator"] = "operator ORE",
        ["trainer"] = "trener",
        ["advisor"] = "doradca",
        ["jst-coordinator"] = "koordynator JST",
        ["jst-member"] = "członek zespołu zadaniowego JST",
    };

    public static RenderedMail Render(InvitationIssued invitation)
    {
        var role = Roles.GetValueOrDefault(invitation.Role, invitation.Role);
        var link = invitation.AcceptUrl.AbsoluteUri;
        var expires = WarsawTime.Format(invitation.ExpiresAt);

        var html = Html.Escaped($"""
            <p>Dzień dobry, {invitation.FullName}!</p>
            <p>Zapraszamy Cię do platformy Cyfrowy Rozwój Oświaty (CRO) w roli: <strong>{role}</strong>.</p>
            <p>Link poniżej otwiera zaproszenie: ustawisz w nim swoje hasło i zalogujesz się do platformy.</p>
            <p><a href="{link}">Przyjmij zaproszenie</a></p>
            <p>Jeśli link się nie otwiera, skopiuj ten adres do przeglądarki:<br>{link}</p>
            <p>Link jest ważny do {expires}. Po tym terminie poproś osobę, która Cię zaprosiła, o nowe zaproszenie.</p>
            <p>Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.</p>
            """);
        var text = $"""
            Dzień dobry, {invitation.FullName}!

            Zapraszamy Cię do platformy Cyfrowy Rozwój Oświaty (CRO) w roli: {role}.

            Link poniżej otwiera zaproszenie: ustawisz w nim swoje hasło i zalogujesz się do platformy.
            {link}

            Link jest ważny do {expires}. Po tym terminie poproś osobę, która Cię zaprosiła, o nowe zaproszenie.

            Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.
            """;
        return new RenderedMail(Kind, Subject, MailLayout.HtmlPage(Subject, html), MailLayout.TextPage(text));
    }
}
