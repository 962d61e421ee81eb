using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The acceptance, to the team's coordinator: the JST's application is accepted (moved up from the reserve
/// list when another JST withdrew), every member gets their own invitation to the platform, and what comes
/// next. The team's sex is reporting data and stays out of the mail.
/// </summary>
public static class ApplicationAcceptedMail
{
    public const string Kind = "application-accepted";

    public static string Subject(ApplicationAccepted accepted) => Letter.Subject("Wniosek przyjęty", accepted.JstName);

    public static TaskTeamMember Coordinator(ApplicationAccepted accepted) => accepted.Team.Coordinator(accepted.ApplicationId);

    public static RenderedMail Render(ApplicationAccepted accepted)
    {
        var application = Letter.Application(accepted.JstName, accepted.RoundName);
        return Letter.Render(Kind, Subject(accepted), Coordinator(accepted).FullName,
            accepted.PromotedFromReserve
                ? $"Z radością informujemy, że {application} został przyjęty: przeszedł z listy rezerwowej na listę przyjętych, ponieważ inna JST zrezygnowała z udziału w naborze."
                : $"Z radością informujemy, że {application} został przyjęty.",
            "Każda osoba z zespołu zadaniowego – także Ty – dostanie osobną wiadomość e-mail z zaproszeniem do założenia konta w platformie CRO (kto ma już w niej konto, zaloguje się jak dotychczas).",
            "Co dalej: zespół zadaniowy przejdzie moduły szkoleniowe programu, a następnie JST otrzyma 12 miesięcy wsparcia doradczego.");
    }
}
