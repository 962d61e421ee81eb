namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// Where a version of a plan stands: the team's <see cref="Draft"/>, in public <see cref="Consultation"/>, <see cref="Revised"/>
/// after it, <see cref="Adopted"/> by the council, and <see cref="Superseded"/> once a later version (an amendment) is adopted.
/// </summary>
public static class PlanStatus
{
    public const string Draft = "draft";
    public const string Consultation = "consultation";
    public const string Revised = "revised";
    public const string Adopted = "adopted";
    public const string Superseded = "superseded";

    /// <summary>The team changes the content only in these.</summary>
    public static bool IsEditable(string status) => status is Draft or Revised;

    public static (string Pl, string En) Words(string status) => status switch
    {
        Draft => ("w przygotowaniu", "a draft"),
        Consultation => ("w konsultacjach", "in consultation"),
        Revised => ("poprawiona po konsultacjach", "revised after consultation"),
        Adopted => ("przyjęta", "adopted"),
        _ => ("zastąpiona nowszą", "superseded by a newer one"),
    };

    /// <summary>409 naming the version's state and what the operation needs.</summary>
    public static IResult WrongState(string status, string needsPl, string needsEn)
    {
        var (pl, en) = Words(status);
        return Problems.Conflict($"Wersja planu jest {pl}.", $"The plan's version is {en}.", $"Wersja planu jest {pl}; {needsPl}",
            $"The plan's version is {en}; {needsEn}");
    }

    public static IResult NotEditable(string status) => WrongState(status,
        "treść zmienia się w wersji w przygotowaniu albo poprawianej po konsultacjach.",
        "the content changes in a draft or in a version revised after consultation.");
}
