using System.Reflection;

namespace Cro.ServiceDefaults;

/// <summary>
/// The name a validation message gives a field, as the form labels it, in the reader's language. Without
/// it FluentValidation would split the JSON name ("Pole 'full Name' nie może być puste."). A member
/// marked with <see cref="FieldLabelAttribute"/> says its own label; any other takes the common label of
/// its name below, which every service's validators share.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, (string Polish, string English)> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        // People and accounts
        ["FullName"] = ("Imię i nazwisko", "Full name"),
        ["Email"] = ("Adres e-mail", "E-mail address"),
        ["Position"] = ("Stanowisko", "Position"),
        ["Phone"] = ("Telefon", "Phone"),
        ["Sex"] = ("Płeć", "Sex"),
        ["Role"] = ("Rola", "Role"),
        ["Roles"] = ("Role", "Roles"),
        ["DisplayName"] = ("Nazwa klienta", "Client name"),
        ["Scopes"] = ("Zakresy dostępu", "Scopes"),
        ["JstTerc"] = ("Kod TERC JST", "TERC code of the JST"),
        ["JstName"] = ("Nazwa JST", "Name of the JST"),
        ["Action"] = ("Rodzaj zdarzenia", "Kind of event"),
        // Lists and searches
        ["Q"] = ("Szukany tekst", "Search text"),
        ["Cursor"] = ("Kursor strony", "Page cursor"),
        ["Limit"] = ("Liczba wyników na stronie", "Results per page"),
        ["From"] = ("Od dnia", "From"),
        ["To"] = ("Do dnia (włącznie)", "To (inclusive)"),
        ["Kind"] = ("Rodzaj", "Kind"),
        ["Status"] = ("Stan wniosku", "State"),
        ["Voivodeship"] = ("Województwo", "Voivodeship"),
        // Recruitment
        ["Team"] = ("Zespół zadaniowy", "Task team"),
        ["Replacement"] = ("Kto dołącza w jej miejsce", "Who joins in their place"),
        ["MemberId"] = ("Kto odchodzi z zespołu", "Who leaves the team"),
        ["SchoolsRun"] = ("Liczba szkół prowadzonych przez JST", "Number of schools the JST runs"),
        ["Decision"] = ("Decyzja", "Decision"),
        ["Reason"] = ("Uzasadnienie", "Reason"),
        ["Points"] = ("Punkty", "Points"),
        ["Checklist"] = ("Lista sprawdzenia formalnego", "Formal checklist"),
        ["Comment"] = ("Komentarz", "Comment"),
        ["Name"] = ("Nazwa", "Name"),
        ["Capacity"] = ("Liczba miejsc", "Capacity"),
        ["OpensAt"] = ("Otwarcie naboru", "Opens"),
        ["ClosesAt"] = ("Zamknięcie naboru", "Closes"),
        ["EligibleKinds"] = ("Rodzaje JST, które mogą składać wnioski", "Kinds of JST that may apply"),
        ["Scoring"] = ("Zasady punktacji", "Scoring rules"),
        ["TargetWomen"] = ("Kobiety", "Women"),
        ["TargetMen"] = ("Mężczyźni", "Men"),
        ["TeamMin"] = ("Najmniej osób w zespole", "Fewest people in a team"),
        ["TeamMax"] = ("Najwięcej osób w zespole", "Most people in a team"),
        ["AtRiskPoints"] = ("Punkty za zagrożenie marginalizacją", "Points for risk of marginalisation"),
        ["FirstTimePoints"] = ("Punkty za pierwszy udział", "Points for taking part the first time"),
        ["KindPoints"] = ("Punkty za rodzaj JST", "Points for the kind of JST"),
        ["MaxSchoolPoints"] = ("Najwięcej punktów za szkoły", "Most points for schools"),
        ["PointsPerSchool"] = ("Punkty za jedną szkołę", "Points per school"),
        // Training
        ["Marks"] = ("Obecność", "Attendance"),
        ["Trainers"] = ("Trenerzy grupy", "The cohort's trainers"),
        ["ApplicationIds"] = ("Zespoły JST w grupie", "JST teams in the cohort"),
        ["Markdown"] = ("Treść (Markdown)", "Text (Markdown)"),
        ["Title"] = ("Tytuł", "Title"),
        ["Url"] = ("Adres (https://…)", "Address (https://…)"),
        ["BasedOnVersion"] = ("Wersja, którą zmieniasz", "The version you change"),
        ["ChangeNote"] = ("Opis zmiany", "Change note"),
        ["Programme"] = ("Program szkolenia", "Training programme"),
        ["Modules"] = ("Moduły", "Modules"),
        ["Code"] = ("Kod", "Code"),
        ["Description"] = ("Opis", "Description"),
        ["Form"] = ("Forma", "Form"),
        ["Hours"] = ("Liczba godzin", "Hours"),
        ["Outcomes"] = ("Efekty uczenia się", "Learning outcomes"),
        ["ValidationMethod"] = ("Metoda walidacji", "Validation method"),
        ["AttendanceThreshold"] = ("Wymagana obecność (% godzin modułu)", "Required attendance (% of the module's hours)"),
        ["PostTestThreshold"] = ("Próg zaliczenia post-testu (%)", "Post-test pass mark (%)"),
        ["CountedHours"] = ("Godziny liczone do frekwencji", "Hours counted for attendance"),
        ["StartsAt"] = ("Początek", "Start"),
        ["EndsAt"] = ("Koniec", "End"),
        ["ModuleCode"] = ("Moduł", "Module"),
        ["OnlineUrl"] = ("Łącze do spotkania online", "Online meeting link"),
        ["Place"] = ("Miejsce (adres, sala)", "Place (address, room)"),
        ["PreTestMinutes"] = ("Pre-test (minuty)", "Pre-test (minutes)"),
        ["PostTestMinutes"] = ("Post-test (minuty)", "Post-test (minutes)"),
        ["Explanation"] = ("Wyjaśnienie poprawnej odpowiedzi", "Explanation of the right answer"),
        ["Options"] = ("Odpowiedzi", "Answers"),
        ["OutcomeCode"] = ("Efekt uczenia się, który sprawdza pytanie", "The learning outcome the question tests"),
        ["Text"] = ("Treść pytania", "The question"),
    };

    /// <summary>The label of a validated member in the current UI language, or null when none is known.</summary>
    public static string? For(MemberInfo? member)
    {
        if (member is null)
        {
            return null;
        }
        if (member.GetCustomAttribute<FieldLabelAttribute>() is { } own)
        {
            return Text.Pick(own.Polish, own.English);
        }
        return Common.TryGetValue(member.Name, out var label) ? Text.Pick(label.Polish, label.English) : null;
    }

    /// <summary>Whether a member has a label (tests check every validated member of a service has one).</summary>
    public static bool Has(MemberInfo member) =>
        member.GetCustomAttribute<FieldLabelAttribute>() is not null || Common.ContainsKey(member.Name);
}

/// <summary>The label of a field where the common one (by its name) does not fit this form.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class FieldLabelAttribute(string polish, string english) : Attribute
{
    public string Polish { get; } = polish;
    public string English { get; } = english;
}
