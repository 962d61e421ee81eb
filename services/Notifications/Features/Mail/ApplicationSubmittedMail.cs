using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The confirmation of a submitted application, to the team's coordinator: the round, the JST, when it
/// was submitted, the task team and the score, which the operator's review still has to confirm.
/// The members' sex is reporting data and stays out of the mail.
/// </summary>
public static class ApplicationSubmittedMail
{
    public const string Kind = "application-submitted";

    public static string Subject(ApplicationSubmitted submitted) => $"Potwierdzenie złożenia wniosku – {submitted.JstName}";

    /// <summary>Who the confirmation goes to; an application is submitted with exactly one coordinator.</summary>
    public static TaskTeamMember Coordinator(ApplicationSubmitted submitted) => submitted.Team.Coordinator(submitted.ApplicationId);

    public static RenderedMail Render(ApplicationSubmitted submitted)
    {
        var subject = Subject(submitted);
        var coordinator = Coordinator(submitted);
        var at = WarsawTime.InLetter(submitted.SubmittedAt);

        var html = Html.Escaped($"""
            <p>Dzień dobry, {coordinator.FullName}!</p>
            <p>Potwierdzamy złożenie wniosku JST w programie Cyfrowy Rozwój Oświaty (CRO). Oto jego podsumowanie.</p>
            <table cellpadding="6" border="1" style="border-collapse: collapse;">
            <tr><th align="left">Nabór</th><td>{submitted.RoundName}</td></tr>
            <tr><th align="left">JST</th><td>{submitted.JstName} (TERC {submitted.JstTerc})</td></tr>
            <tr><th align="left">Złożono</th><td>{at}</td></tr>
            <tr><th align="left">Punkty</th><td>{submitted.Score}</td></tr>
            </table>
            <p>Zespół zadaniowy:</p>
            <table cellpadding="6" border="1" style="border-collapse: collapse;">
            <tr><th align="left">Imię i nazwisko</th><th align="left">Stanowisko</th><th align="left">E-mail</th><th align="left">Koordynator</th></tr>

            """)
            + string.Concat(submitted.Team.Select(member => Html.Escaped($"""
                <tr><td>{member.FullName}</td><td>{member.Position}</td><td>{member.Email}</td><td>{(member.IsCoordinator ? "tak" : "nie")}</td></tr>

                """)))
            + Html.Escaped($"""
            </table>
            <p>Punkty są wyliczone wstępnie: ostateczna decyzja zapadnie po weryfikacji wniosku przez operatora programu.</p>
            """);
        var team = string.Join("\n", submitted.Team.Select(member =>
            $"- {member.FullName}, {member.Position}, {member.Email}{(member.IsCoordinator ? " – koordynator" : "")}"));
        var text = $"""
            Dzień dobry, {coordinator.FullName}!

            Potwierdzamy złożenie wniosku JST w programie Cyfrowy Rozwój Oświaty (CRO). Oto jego podsumowanie.

            Nabór: {submitted.RoundName}
            JST: {submitted.JstName} (TERC {submitted.JstTerc})
            Złożono: {at}
            Punkty: {submitted.Score}

            Zespół zadaniowy:
            {team}

            Punkty są wyliczone wstępnie: ostateczna decyzja zapadnie po weryfikacji wniosku przez operatora programu.
            """;
        return new RenderedMail(Kind, subject, MailLayout.HtmlPage(subject, html), MailLayout.TextPage(text));
    }
}
