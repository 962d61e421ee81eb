using Cro.ServiceDefaults;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// The codes people would otherwise read in files made for them (exports, "Pobierz moje dane"), in their
/// language. The JSON API keeps the codes themselves: machines match on them.
/// </summary>
public static class ApplicationLabels
{
    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("wersja robocza", "draft"),
        "submitted" => Text.Pick("złożony, czeka na decyzję", "submitted, awaiting a decision"),
        "accepted" => Text.Pick("przyjęty", "accepted"),
        "reserve" => Text.Pick("na liście rezerwowej", "on the reserve list"),
        "rejected" => Text.Pick("odrzucony", "rejected"),
        "withdrawn" => Text.Pick("wycofany", "withdrawn"),
        _ => status,
    };

    public static string Sex(string sex) => sex switch
    {
        "woman" => Text.Pick("kobieta", "woman"),
        "man" => Text.Pick("mężczyzna", "man"),
        "non-binary" => Text.Pick("osoba niebinarna", "non-binary person"),
        "undisclosed" => Text.Pick("nie podano", "not given"),
        _ => sex,
    };

    public static string JstKind(string kind) => kind switch
    {
        Registry.JstKind.Voivodeship => Text.Pick("województwo", "voivodeship"),
        Registry.JstKind.County => Text.Pick("powiat", "county"),
        Registry.JstKind.CityCounty => Text.Pick("miasto na prawach powiatu", "city with county rights"),
        Registry.JstKind.UrbanMunicipality => Text.Pick("gmina miejska", "urban municipality"),
        Registry.JstKind.RuralMunicipality => Text.Pick("gmina wiejska", "rural municipality"),
        Registry.JstKind.UrbanRuralMunicipality => Text.Pick("gmina miejsko-wiejska", "urban-rural municipality"),
        _ => kind,
    };
}
