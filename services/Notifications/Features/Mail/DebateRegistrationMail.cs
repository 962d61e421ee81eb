using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// The confirmation to someone who registered, without an account, for a JST's public education debate: the topic, the
/// JST, the date and time (Warsaw), the place, and how to withdraw: by writing to the debate's organiser or to the
/// programme's operator (this mail goes from an address no one reads).
/// </summary>
public static class DebateRegistrationMail
{
    public const string Kind = "debate-registration";

    public static string Subject(DebateRegistrationReceived registration) =>
        $"Zgłoszenie na debatę oświatową: {registration.JstName} — {WarsawTime.InLetter(registration.StartsAt)}";

    public static RenderedMail Render(DebateRegistrationReceived registration, OperatorContact contact) =>
        Letter.Render(Kind, Subject(registration), registration.FullName,
            $"Potwierdzamy Twoje zgłoszenie na debatę oświatową „{registration.Topic}”, którą JST {registration.JstName} organizuje w programie Cyfrowy Rozwój Oświaty (CRO).",
            $"Termin: {WarsawTime.InLetter(registration.StartsAt)} (czas polski).",
            $"Miejsce: {registration.Place}.",
            $"Jeśli nie możesz przyjść albo chcesz wycofać zgłoszenie, napisz do organizatora debaty (JST {registration.JstName}) albo do operatora programu"
            + (contact.IsKnown ? $": {contact.Means}." : "."));
}
