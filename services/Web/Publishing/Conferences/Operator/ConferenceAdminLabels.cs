using System.Globalization;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Operator;

/// <summary>The words ORE's conference pages show for the codes the publishing service gives (statuses, needs, sex), and its times in Warsaw.</summary>
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

    public static string Registration(string registration) => registration switch
    {
        "not-yet-open" => Text.Pick("zapisy jeszcze nieotwarte", "registration not open yet"),
        "open" => Text.Pick("zapisy otwarte", "registration open"),
        "closed" => Text.Pick("zapisy zamknięte", "registration closed"),
        _ => registration,
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

    public static string Sex(string sex) => sex switch
    {
        "woman" => Text.Pick("kobieta", "woman"),
        "man" => Text.Pick("mężczyzna", "man"),
        "non-binary" => Text.Pick("osoba niebinarna", "non-binary person"),
        "undisclosed" => Text.Pick("nie podano", "not given"),
        _ => sex,
    };

    /// <summary>"12 maja 2026, 10:00 – 16:00" on one day, both moments in full across days (Warsaw time).</summary>
    public static string Span(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        WarsawTime.InWarsaw(startsAt).Date == WarsawTime.InWarsaw(endsAt).Date
            ? $"{WarsawTime.Format(startsAt)} – {WarsawTime.Clock(endsAt)}"
            : $"{WarsawTime.Format(startsAt)} – {WarsawTime.Format(endsAt)}";

    public static string Day(DateOnly day) =>
        day.ToString("d MMMM yyyy", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("pl-PL"));

    /// <summary>Today's date in Warsaw, the day a check-in records by default.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(WarsawTime.InWarsaw(time.GetUtcNow()).DateTime);

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
