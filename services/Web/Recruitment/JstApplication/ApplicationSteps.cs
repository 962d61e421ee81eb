using Cro.Web.Recruitment.Api;

namespace Cro.Web.Recruitment.JstApplication;

/// <summary>A draft opened with its key, and the round it belongs to: what every step of the form works on.</summary>
public sealed record DraftContext(Guid Id, string Key, ApplicationView Application, RoundResponse Round)
{
    public string Link(int step) => ApplicationSteps.DraftLink(Id, Key, step);
}

/// <summary>
/// The application form's five steps and their addresses. Before the draft exists the form lives at
/// /nabory/{round}/wniosek (steps 1 and 2); afterwards at /wniosek/{id}?klucz={key}, the address the
/// coordinator gets by e-mail, so the key stays in the address of every step.
/// </summary>
public static class ApplicationSteps
{
    public const int Jst = 1;
    public const int Coordinator = 2;
    public const int Team = 3;
    public const int Facts = 4;
    public const int Review = 5;
    public const int Count = 5;

    public static string Name(int step) => step switch
    {
        Jst => Text.Pick("JST", "JST"),
        Coordinator => Text.Pick("Koordynator zespołu", "Team coordinator"),
        Team => Text.Pick("Zespół zadaniowy", "Task team"),
        Facts => Text.Pick("Informacje i oświadczenia", "Facts and declarations"),
        Review => Text.Pick("Sprawdzenie i złożenie", "Review and submit"),
        _ => "",
    };

    public static string NewLink(Guid roundId, int step = Jst, string? jst = null, string? q = null) =>
        $"/nabory/{roundId}/wniosek" + QueryString.Create(new Dictionary<string, string?>
        {
            ["krok"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["jst"] = jst,
            ["q"] = q,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public static string DraftLink(Guid id, string key, int? step = null, bool created = false) =>
        $"/wniosek/{id}" + QueryString.Create(new Dictionary<string, string?>
        {
            ["klucz"] = key,
            ["krok"] = step?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["utworzono"] = created ? "1" : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>The step a draft opened without one continues at: the first one still empty.</summary>
    public static int FirstIncomplete(ApplicationView application) =>
        application.Coordinator is null ? Coordinator
        : application.Members.Count == 0 ? Team
        : application.SchoolsRun is null || application.TookPartBefore is null || !application.Declarations.CommitsToWholeCycle
          || application.Declarations.InformationClauseVersion != InformationClause.Version ? Facts
        : Review;

    /// <summary>The step whose fields an API error key (as in ProblemDetails "errors") belongs to; the coordinator is team[0].</summary>
    public static int StepOf(string key, ApplicationView? application)
    {
        if (key.StartsWith("jstTerc", StringComparison.OrdinalIgnoreCase))
        {
            return Jst;
        }
        if (key.StartsWith("team[", StringComparison.OrdinalIgnoreCase))
        {
            return TeamIndex(key) is { } index && application is not null && index < application.Team.Count
                && application.ToForm().Team![index].IsCoordinator ? Coordinator : Team;
        }
        return key.StartsWith("team", StringComparison.OrdinalIgnoreCase) ? Team : Facts;
    }

    /// <summary>2 for "team[2].email"; null for a key of no one member.</summary>
    public static int? TeamIndex(string key)
    {
        if (!key.StartsWith("team[", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var end = key.IndexOf(']', StringComparison.Ordinal);
        return end > 5 && int.TryParse(key.AsSpan(5, end - 5), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    /// <summary>"email" for "team[2].email".</summary>
    public static string? TeamField(string key) =>
        TeamIndex(key) is null ? null : key[(key.IndexOf("].", StringComparison.Ordinal) is var dot and >= 0 ? dot + 2 : key.Length)..];
}
