using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>The notice that a training session is cancelled, to each participant and trainer of the cohort.</summary>
public static class SessionCancelledMail
{
    public const string Kind = "session-cancelled";

    public static string Subject(SessionCancelled session) =>
        $"Odwołana sesja szkoleniowa: {session.ModuleCode} — {WarsawTime.InLetter(session.StartsAt)}";

    /// <param name="organizerAddress">The address mail comes from: the organizer of the cancelled event.</param>
    public static RenderedMail Render(SessionCancelled session, SessionAttendee to, string organizerAddress) =>
        Letter.Render(Kind, Subject(session), to.FullName,
            $"Sesja modułu {session.ModuleCode} „{session.ModuleTitle}” grupy {session.CohortName}, zaplanowana na {WarsawTime.InLetter(session.StartsAt)} – {WarsawTime.Clock(session.EndsAt)} (czas polski), jest odwołana.",
            $"Powód: {session.Reason}",
            "Nie przychodź na nią ani nie łącz się. Godziny tej sesji nie liczą się do obecności. W kalendarzu z platformy sesja jest oznaczona jako odwołana.",
            to.Role == "trainer"
                ? "Nowy termin, jeśli będzie, zaplanuje operator szkoleń; dostaniesz o nim osobną wiadomość."
                : "Jeśli sesja dostanie nowy termin, dostaniesz o nim osobną wiadomość.")
        with { Calendar = SessionCancellationCalendar.Write(session, to, organizerAddress) };
}
