using System.Globalization;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences;

/// <summary>The words the conference pages (public and ORE's) show for the codes of publishing's API, and its times in Europe/Warsaw.</summary>
public static class ConferenceLabels
{
    public const string Open = "open";
    public const string NotYetOpen = "not-yet-open";

    public static string Registration(string state) => state switch
    {
        Open => Text.Pick("zapisy otwarte", "registration open"),
        NotYetOpen => Text.Pick("zapisy jeszcze się nie zaczęły", "registration not open yet"),
        _ => Text.Pick("zapisy zamknięte", "registration closed"),
    };

    /// <summary>"12 maja 2026, 10:00–16:00", or both ends in full when it spans days.</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        DateOnly.FromDateTime(WarsawTime.InWarsaw(startsAt).DateTime) == DateOnly.FromDateTime(WarsawTime.InWarsaw(endsAt).DateTime)
            ? $"{WarsawTime.Format(startsAt)}–{WarsawTime.Clock(endsAt)}"
            : $"{WarsawTime.Format(startsAt)} – {WarsawTime.Format(endsAt)}";

    public static string Where(string? place, bool isOnline) => (place, isOnline) switch
    {
        ({ } at, true) => Text.Pick($"{at} oraz online", $"{at} and online"),
        ({ } at, false) => at,
        _ => Text.Pick("online", "online"),
    };

    /// <summary>Places left, or what a registration gets when there are none: a place on the waitlist.</summary>
    public static string Places(int placesLeft) => placesLeft > 0
        ? Text.Pick($"wolnych miejsc: {placesLeft}", $"places left: {placesLeft}")
        : Text.Pick("brak wolnych miejsc — nowe zgłoszenia trafiają na listę oczekujących",
            "no places left — new registrations join the waitlist");

    public static string Seats(int? capacity, int? seatsLeft) => (capacity, seatsLeft) switch
    {
        (null, _) => Text.Pick("dla wszystkich uczestników", "open to every participant"),
        (_, 0) => Text.Pick($"brak wolnych miejsc (z {capacity})", $"no seats left (of {capacity})"),
        _ => Text.Pick($"wolnych miejsc: {seatsLeft} z {capacity}", $"seats left: {seatsLeft} of {capacity}"),
    };

    public static string Sex(string code) => code switch
    {
        "woman" => Text.Pick("kobieta", "woman"),
        "man" => Text.Pick("mężczyzna", "man"),
        "non-binary" => Text.Pick("osoba niebinarna", "non-binary person"),
        "undisclosed" => Text.Pick("wolę nie podawać", "prefer not to say"),
        _ => code,
    };

    public static string Consent(string kind) => kind switch
    {
        "processing" => Text.Pick("przetwarzanie danych w celu udziału w konferencji", "processing of data to take part in the conference"),
        "image" => Text.Pick("utrwalenie i publikacja wizerunku", "recording and publishing my image"),
        "participant-list" => Text.Pick("umieszczenie na liście uczestników", "appearing on the participant list"),
        _ => kind,
    };

    /// <summary>A JST as the registration form lists it: name, kind and województwo, to tell namesakes apart.</summary>
    public static string Jst(ConferenceJstOption jst) =>
        $"{jst.Name} ({PracticeLabels.Kind(jst.Kind)}{(jst.VoivodeshipName is { } voivodeship ? Text.Pick($", woj. {voivodeship}", $", {voivodeship} voivodeship") : "")})";

    public static string Day(DateOnly day) =>
        day.ToString("d MMMM yyyy", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("pl-PL"));

    /// <summary>A session's time: "10:00–11:30".</summary>
    public static string Clock(DateTimeOffset startsAt, DateTimeOffset endsAt) => $"{WarsawTime.Clock(startsAt)}–{WarsawTime.Clock(endsAt)}";

    public static DateOnly WarsawDay(DateTimeOffset at) => DateOnly.FromDateTime(WarsawTime.InWarsaw(at).DateTime);
}
