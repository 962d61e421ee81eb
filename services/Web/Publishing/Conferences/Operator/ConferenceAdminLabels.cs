using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Operator;

/// <summary>The words only ORE's conference pages show for the codes the publishing service gives (statuses, needs, sex as reported); the rest are <see cref="ConferenceLabels"/>.</summary>
public static class ConferenceAdminLabels
{
    /// <summary>Registration statuses in the order a conference's life meets them (the API's own order).</summary>
    public static readonly IReadOnlyList<string> RegistrationStatuses =
        ["pending", "confirmed", "waitlisted", "offered", "cancelled", "expired", "declined", "lapsed"];

    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("szkic (niewidoczna publicznie)", "draft (not public)"),
        "published" => Text.Pick("opublikowana", "published"),
        _ => status,
    };

    public static string RegistrationStatus(string status) => status switch
    {
        "pending" => Text.Pick("czeka na potwierdzenie adresu", "address not confirmed yet"),
        "confirmed" => Text.Pick("potwierdzone", "confirmed"),
        "waitlisted" => Text.Pick("na liście oczekujących", "on the waitlist"),
        "offered" => Text.Pick("zaproponowano zwolnione miejsce", "a freed place offered"),
        "cancelled" => Text.Pick("anulowane", "cancelled"),
        "expired" => Text.Pick("wygasło (adres niepotwierdzony)", "expired (address not confirmed)"),
        "declined" => Text.Pick("odrzucono zaproponowane miejsce", "offered place declined"),
        "lapsed" => Text.Pick("zaproponowane miejsce przepadło", "offered place lapsed"),
        _ => status,
    };

    public static string ReservationStatus(string status) => status switch
    {
        "active" => Text.Pick("aktywna", "active"),
        "cancelled" => Text.Pick("anulowana", "cancelled"),
        "expired" => Text.Pick("wygasła", "expired"),
        _ => status,
    };

    public static string Need(string code) => code switch
    {
        "sign-language-interpreter" => Text.Pick("tłumacz polskiego języka migowego (PJM)", "Polish sign-language (PJM) interpreter"),
        "induction-loop" => Text.Pick("pętla indukcyjna", "induction loop"),
        "step-free-access" => Text.Pick("dostęp bez barier architektonicznych (bez schodów)", "step-free access"),
        "diet" => Text.Pick("dieta", "diet"),
        "assistant" => Text.Pick("asystent(ka) lub opiekun(ka) towarzyszący", "an accompanying assistant"),
        _ => code,
    };

    public static string Needs(IEnumerable<string> codes) => string.Join("; ", codes.Select(Need));

    /// <summary>As the form words it, but a report's "not given" where the form says "I prefer not to say".</summary>
    public static string Sex(string sex) => sex == "undisclosed" ? Text.Pick("nie podano", "not given") : ConferenceLabels.Sex(sex);

    /// <summary>The registrations counted by status, in the statuses' order, those with none left out: "potwierdzone: 12, na liście oczekujących: 3".</summary>
    public static string Counts(IReadOnlyDictionary<string, int> byStatus)
    {
        var parts = RegistrationStatuses.Concat(byStatus.Keys.Except(RegistrationStatuses))
            .Where(s => byStatus.TryGetValue(s, out var n) && n > 0)
            .Select(s => $"{RegistrationStatus(s)}: {byStatus[s]}")
            .ToList();
        return parts.Count == 0 ? Text.Pick("brak zgłoszeń", "no registrations") : string.Join(", ", parts);
    }

    public static string Institution(ConferenceRegistrationListItem item) =>
        item.InstitutionKind == "jst" ? item.JstName ?? item.JstTerc ?? "" : item.InstitutionName ?? "";
}
