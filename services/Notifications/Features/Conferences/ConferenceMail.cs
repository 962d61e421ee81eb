using Cro.BuildingBlocks.Calendar;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Conferences;

/// <summary>
/// The mails to a conference's participants, who have no accounts: the link to confirm the registration, the confirmed
/// place with the conference as a calendar event, a freed place offered from the waitlist, and the end of a registration.
/// Each gives the participant's own link, whose token is derived here from the registration's id (<see cref="LinkTokens"/>),
/// as publishing derives it: it is in the mail's body and nowhere else. The calendar event has the conference's UID and
/// SEQUENCE, so a calendar updates or removes the one it holds.
/// </summary>
public static class ConferenceMail
{
    public const string ReceivedKind = "conference-registration";
    public const string ConfirmedKind = "conference-confirmed";
    public const string OfferedKind = "conference-place-offered";
    public const string EndedKind = "conference-registration-ended";

    private const string Organiser = "organizowanej przez Ośrodek Rozwoju Edukacji w programie Cyfrowy Rozwój Oświaty (CRO)";
    private const string Personal = "Link jest przeznaczony tylko dla Ciebie – nie przekazuj go dalej.";

    public static RenderedMail Received(ConferenceRegistrationReceived r, LinkTokens tokens) =>
        Letter.WithLink(ReceivedKind, $"Potwierdź zgłoszenie na konferencję: {r.ConferenceTitle}", r.FullName,
            [
                $"Dziękujemy za zgłoszenie na konferencję „{r.ConferenceTitle}”, {Organiser}. {Term(r.StartsAt, r.EndsAt)}",
                r.OnWaitlist
                    ? $"Wszystkie miejsca są już zajęte, więc jesteś na liście oczekujących (pozycja {r.WaitlistPosition}). Gdy zwolni się miejsce, "
                      + "zaproponujemy je kolejnym osobom z listy, w kolejności zgłoszeń – napiszemy do Ciebie, gdy przyjdzie Twoja kolej."
                    : "Mamy dla Ciebie miejsce.",
                $"Potwierdź swój adres e-mail do {WarsawTime.InLetter(r.ConfirmBy)} (czas polski). Niepotwierdzone zgłoszenie wygaśnie"
                + (r.OnWaitlist ? "." : ", a miejsce przejdzie na kolejną osobę."),
            ],
            "Potwierdź zgłoszenie", tokens.AddressOf(r.PageUrl, r.RegistrationId),
            [
                "Pod tym samym linkiem sprawdzisz stan zgłoszenia, zmienisz zgody, wybierzesz warsztaty i anulujesz udział. " + Personal,
                "Jeśli nie zgłaszałeś(-aś) się na konferencję, zignoruj tę wiadomość: niepotwierdzone zgłoszenie wygaśnie samo.",
            ]);

    public static RenderedMail Confirmed(ConferenceRegistrationConfirmed r, LinkTokens tokens, CalendarPerson organizer) =>
        Letter.WithLink(ConfirmedKind, $"Potwierdzone miejsce na konferencji: {r.ConferenceTitle} — {WarsawTime.InLetter(r.StartsAt)}", r.FullName,
            [
                r.FromWaitlist
                    ? $"Przyjąłeś(-ęłaś) zwolnione miejsce na konferencji „{r.ConferenceTitle}”, {Organiser}. Twoje miejsce jest potwierdzone."
                    : $"Twoje miejsce na konferencji „{r.ConferenceTitle}”, {Organiser}, jest potwierdzone.",
                Term(r.StartsAt, r.EndsAt),
                Where(r.Place, r.OnlineUrl),
                "Przy wejściu pokaż bilet z kodem QR (na telefonie albo wydrukowany) – każdego dnia konferencji. Bilet znajdziesz pod swoim linkiem.",
            ],
            "Bilet i Twoje zgłoszenie", tokens.AddressOf(r.PageUrl, r.RegistrationId),
            [
                "W załączniku jest wydarzenie do Twojego kalendarza.",
                "Jeśli nie możesz przyjść, anuluj udział pod swoim linkiem: miejsce dostanie kolejna osoba z listy oczekujących. " + Personal,
            ])
        with
        {
            Calendar = CalendarDocument.Request(CalendarDocument.ConferenceProduct, Entry(r.CalendarUid, r.Sequence, r.StartsAt, r.EndsAt, r.ConferenceTitle,
                r.Place, r.OnlineUrl), organizer, new CalendarPerson(r.Email, r.FullName), r.ConfirmedAt),
        };

    public static RenderedMail Offered(ConferencePlaceOffered r, LinkTokens tokens) =>
        Letter.WithLink(OfferedKind, $"Zwolniło się miejsce na konferencji: {r.ConferenceTitle}", r.FullName,
            [
                $"Zwolniło się miejsce na konferencji „{r.ConferenceTitle}”, {Organiser}, na której liście oczekujących jesteś. {Term(r.StartsAt, r.EndsAt)}",
                $"Trzymamy je dla Ciebie do {WarsawTime.InLetter(r.HoldUntil)} (czas polski). Przyjmij je albo odrzuć pod swoim linkiem.",
            ],
            "Przyjmij albo odrzuć miejsce", tokens.AddressOf(r.PageUrl, r.RegistrationId),
            [
                "Jeśli do tego czasu nie odpowiesz, miejsce przejdzie na kolejną osobę z listy, a Twoje zgłoszenie wygaśnie. "
                + "Odrzucając je, od razu dajesz szansę następnej osobie. " + Personal,
            ]);

    public static RenderedMail Ended(ConferenceRegistrationEnded r, CalendarPerson organizer)
    {
        var (subject, why) = r.Reason switch
        {
            "expired" => ("Wygasło zgłoszenie na konferencję",
                "Twoje zgłoszenie wygasło, bo adres e-mail nie został potwierdzony w wyznaczonym czasie. Jeśli zapisy trwają, możesz zgłosić się ponownie."),
            "declined" => ("Odrzucone miejsce na konferencji",
                "Potwierdzamy, że odrzuciłeś(-aś) zaproponowane miejsce; przeszło ono na kolejną osobę z listy oczekujących. Dziękujemy za szybką odpowiedź."),
            "lapsed" => ("Przepadło zaproponowane miejsce na konferencji",
                "Zaproponowane Ci miejsce nie zostało przyjęte w wyznaczonym czasie, więc przeszło na kolejną osobę z listy oczekujących, a Twoje zgłoszenie wygasło."),
            _ => ("Anulowane zgłoszenie na konferencję",
                "Potwierdzamy anulowanie Twojego zgłoszenia. Twoje dane usunęliśmy, zachowując tylko to, czego wymaga rozliczenie programu (bez imienia, nazwiska i adresu)."),
        };
        var mail = Letter.Render(EndedKind, $"{subject}: {r.ConferenceTitle}", r.FullName,
            $"Dotyczy konferencji „{r.ConferenceTitle}”, {Organiser}. {Term(r.StartsAt, r.EndsAt)}",
            why,
            r.WasConfirmed ? "W załączniku jest odwołanie wydarzenia, które usunie je z Twojego kalendarza." : null);
        return r.WasConfirmed
            ? mail with
            {
                Calendar = CalendarDocument.Cancel(CalendarDocument.ConferenceProduct, Entry(r.CalendarUid, r.Sequence + 1, r.StartsAt, r.EndsAt,
                    r.ConferenceTitle, null, null), organizer, new CalendarPerson(r.Email, r.FullName), r.EndedAt),
            }
            : mail;
    }

    /// <summary>"Termin: 20 kwietnia 2027 r., 10:00 – 21 kwietnia 2027 r., 16:00 (czas polski)."; the end's date only when it is another day.</summary>
    private static string Term(DateTimeOffset starts, DateTimeOffset ends) =>
        $"Termin: {WarsawTime.InLetter(starts)} – "
        + (WarsawTime.InWarsaw(starts).Date == WarsawTime.InWarsaw(ends).Date ? WarsawTime.Clock(ends) : WarsawTime.InLetter(ends)) + " (czas polski).";

    private static string Where(string? place, Uri? online) => (place, online) switch
    {
        ({ } p, { } o) => $"Miejsce: {p}. Można też uczestniczyć online: {o}",
        (null, { } o) => $"Konferencja odbywa się online: {o}",
        _ => $"Miejsce: {place}.",
    };

    private static CalendarEntry Entry(string uid, int sequence, DateTimeOffset starts, DateTimeOffset ends, string title, string? place, Uri? online) =>
        new(uid, sequence, starts, ends, title) { Location = place ?? online?.AbsoluteUri, Url = online };
}
