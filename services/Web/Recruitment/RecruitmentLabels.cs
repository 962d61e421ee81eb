using Cro.Web.Recruitment.Api;
using Cro.Web.Registry;

namespace Cro.Web.Recruitment;

/// <summary>The API's words (statuses, sex categories, decisions) in the page's language.</summary>
public static class RecruitmentLabels
{
    public static readonly IReadOnlyList<string> SexCategories = ["woman", "man", "non-binary", "undisclosed"];

    public static readonly IReadOnlyList<string> ApplicationStatuses = ["submitted", "accepted", "reserve", "rejected", "withdrawn"];

    public static string RoundStatus(string status) => status switch
    {
        "planned" => Text.Pick("zaplanowany", "planned"),
        "open" => Text.Pick("trwa — przyjmuje wnioski", "open — taking applications"),
        "closed" => Text.Pick("zakończony", "closed"),
        _ => status,
    };

    public static string ApplicationStatus(string status) => status switch
    {
        "draft" => Text.Pick("wersja robocza", "draft"),
        "submitted" => Text.Pick("złożony, czeka na decyzję", "submitted, awaiting a decision"),
        "accepted" => Text.Pick("przyjęty", "accepted"),
        "reserve" => Text.Pick("na liście rezerwowej", "on the reserve list"),
        "rejected" => Text.Pick("odrzucony", "rejected"),
        "withdrawn" => Text.Pick("wycofany", "withdrawn"),
        _ => status,
    };

    public static string Sex(string? sex) => sex switch
    {
        "woman" => Text.Pick("kobieta", "woman"),
        "man" => Text.Pick("mężczyzna", "man"),
        "non-binary" => Text.Pick("osoba niebinarna", "non-binary person"),
        "undisclosed" => Text.Pick("wolę nie podawać", "prefer not to say"),
        _ => "—",
    };

    public static string YesNo(bool? value) => value switch
    {
        true => Text.Pick("tak", "yes"),
        false => Text.Pick("nie", "no"),
        null => Text.Pick("nie podano", "not given"),
    };

    public static string Kinds(IEnumerable<string> kinds) => string.Join(", ", kinds.Select(JstKinds.Label));

    public static string TeamSize(RoundResponse round) => round.TeamMin == round.TeamMax
        ? Text.Pick($"{round.TeamMin} os.", $"{round.TeamMin} people")
        : Text.Pick($"od {round.TeamMin} do {round.TeamMax} osób", $"{round.TeamMin} to {round.TeamMax} people");

    public static string Window(RoundResponse round) =>
        Text.Pick($"od {WarsawTime.Format(round.OpensAt)} do {WarsawTime.Format(round.ClosesAt)}",
            $"from {WarsawTime.Format(round.OpensAt)} to {WarsawTime.Format(round.ClosesAt)}");
}
