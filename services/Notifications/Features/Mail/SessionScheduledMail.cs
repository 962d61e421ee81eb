using System.Globalization;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>The notice of a new or moved training session, to each participant and trainer of the cohort.</summary>
public static class SessionScheduledMail
{
    public const string NewKind = "session-scheduled";
    public const string MovedKind = "session-moved";

    public static string Subject(SessionScheduled session) =>
        $"{(session.Moved ? "Zmiana sesji szkoleniowej" : "Nowa sesja szkoleniowa")}: {session.ModuleCode} — {WarsawTime.InLetter(session.StartsAt)}";

    public static RenderedMail Render(SessionScheduled session, SessionAttendee to) =>
        Letter.Render(session.Moved ? MovedKind : NewKind, Subject(session), to.FullName,
            session.Moved
                ? $"Sesja modułu {session.ModuleCode} „{session.ModuleTitle}” grupy {session.CohortName} zmieniła się{(session.PreviousStartsAt is { } before && before != session.StartsAt ? $" (miała się zacząć {WarsawTime.InLetter(before)})" : "")}. Obowiązuje to, co poniżej."
                : $"Zaplanowaliśmy sesję modułu {session.ModuleCode} „{session.ModuleTitle}” dla grupy {session.CohortName} w programie Cyfrowy Rozwój Oświaty (CRO).",
            $"Termin: {WarsawTime.InLetter(session.StartsAt)} – {WarsawTime.Clock(session.EndsAt)} ({session.Hours.ToString("0.#", CultureInfo.InvariantCulture)} godz., czas polski).",
            Where(session),
            to.Role == "trainer"
                ? "Prowadzisz tę sesję: listę obecności i kod do rejestracji obecności znajdziesz na platformie."
                : "Obecność potwierdzasz u prowadzącego albo kodem, który poda na sesji. Wszystkie terminy masz w kalendarzu na platformie.");

    private static string Where(SessionScheduled session) => session.Form switch
    {
        "online" => $"Forma: zdalnie. Łącze do spotkania: {session.OnlineUrl}",
        "blended" => $"Forma: mieszana. Miejsce: {session.Place ?? "podamy osobno"}; łącze do spotkania: {session.OnlineUrl?.ToString() ?? "podamy osobno"}.",
        _ => $"Forma: stacjonarnie. Miejsce: {session.Place ?? "podamy osobno"}.",
    };
}
