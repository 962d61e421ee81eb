namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// The codes people would otherwise read in files made for them (exports, "Pobierz moje dane"), in their
/// language. The JSON API keeps the codes themselves: machines match on them.
/// </summary>
public static class ApplicationLabels
{
    public static string Status(string status) => status switch
    {
        ApplicationStatus.Draft => Text.Pick("wersja robocza", "draft"),
        ApplicationStatus.Submitted => Text.Pick("złożony, czeka na decyzję", "submitted, awaiting a decision"),
        ApplicationStatus.Accepted => Text.Pick("przyjęty", "accepted"),
        ApplicationStatus.Reserve => Text.Pick("na liście rezerwowej", "on the reserve list"),
        ApplicationStatus.Rejected => Text.Pick("odrzucony", "rejected"),
        ApplicationStatus.Withdrawn => Text.Pick("wycofany", "withdrawn"),
        _ => status,
    };

    public static string Sex(string sex) => sex switch
    {
        SexCategory.Woman => Text.Pick("kobieta", "woman"),
        SexCategory.Man => Text.Pick("mężczyzna", "man"),
        SexCategory.NonBinary => Text.Pick("osoba niebinarna", "non-binary person"),
        SexCategory.Undisclosed => Text.Pick("nie podano", "not given"),
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
