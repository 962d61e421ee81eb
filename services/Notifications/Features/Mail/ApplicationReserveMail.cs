using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The reserve list, to the team's coordinator: the application waits for a place, moves up on its own
/// when one frees up, and they will be told if it does.
/// </summary>
public static class ApplicationReserveMail
{
    public const string Kind = "application-reserve";

    public static string Subject(ApplicationPutOnReserve reserve) => Letter.Subject("Wniosek na liście rezerwowej", reserve.JstName);

    public static RenderedMail Render(ApplicationPutOnReserve reserve) =>
        Letter.Render(Kind, Subject(reserve), reserve.Coordinator.FullName,
            $"Informujemy, że {Letter.Application(reserve.JstName, reserve.RoundName)} został umieszczony na liście rezerwowej.",
            "Jeśli w naborze zwolni się miejsce, wnioski z listy rezerwowej przechodzą na listę przyjętych automatycznie, w kolejności punktów – nie musisz nic robić. Jeśli Twój wniosek zostanie przyjęty, poinformujemy Cię o tym w osobnej wiadomości.");
}
