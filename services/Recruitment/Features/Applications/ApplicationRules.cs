using System.Globalization;

namespace Cro.Recruitment.Features.Applications;

/// <summary>The round's rules an application meets when it is started, saved and submitted.</summary>
internal static class ApplicationRules
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary>409 when the round does not take applications at <paramref name="now"/>; null when it does.</summary>
    public static IResult? WindowProblem(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        WindowProblemText(opensAt, closesAt, now) is { } detail
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Nabór nie przyjmuje wniosków.", "The round is not taking applications."), detail: detail)
            : null;

    /// <summary>Why the round does not take applications at <paramref name="now"/>, in the reader's language; null when it does.</summary>
    public static string? WindowProblemText(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (now >= opensAt && now < closesAt)
        {
            return null;
        }
        var (pl, en) = now < opensAt
            ? ($"Nabór przyjmuje wnioski od {Local(opensAt)}.", $"The round takes applications from {Local(opensAt)}.")
            : ($"Nabór zamknięto {Local(closesAt)}; wniosków już nie przyjmuje.", $"The round closed on {Local(closesAt)}; it takes no more applications.");
        return Text.Pick(pl, en);
    }

    private const string LiveApplicationSql = $"""
        SELECT EXISTS (SELECT 1 FROM applications
                       WHERE round_id = @roundId AND jst_terc = @terc AND status IN ({ApplicationStatus.LiveSql}))
        """;

    /// <summary>
    /// Whether the JST already has a live application in the round (<see cref="ApplicationStatus.Live"/>; the session's
    /// JST scope must include it).
    /// </summary>
    public static Task<bool> HasLiveApplicationAsync(DataSession session, Guid roundId, string terc) =>
        session.ExecuteScalarAsync<bool>(LiveApplicationSql, new { roundId, terc });

    /// <summary>
    /// Said when the four-digit code of a city with powiat rights is chosen, a row kept only because an earlier application
    /// named it (migration 0009): the city applies as its one JST, <paramref name="city"/>.
    /// </summary>
    public static string SupersededMessage(string terc, string city) => Text.Pick(
        $"Kod TERC {terc} nie oznacza już osobnej JST: miasto na prawach powiatu jest jedną JST i składa wniosek pod kodem {city}.",
        $"TERC code {terc} no longer names a JST of its own: a city with powiat rights is one JST and applies under code {city}.");

    /// <summary>Said when a JST that already applied chooses itself again; it names no one.</summary>
    public static string AlreadyAppliedMessage => Text.Pick(
        "Ta JST ma już złożony wniosek w tym naborze; drugiego nie można złożyć. Jeśli chcesz coś w nim zmienić albo sprawdzić, kto go złożył, skontaktuj się z operatorem programu.",
        "This JST already has a submitted application in this round; a second one cannot be submitted. To change something in it or to learn who submitted it, contact the programme's operator.");

    /// <summary>What a draft still lacks before it can be submitted, by field, in the form's words.</summary>
    public static Dictionary<string, string[]> Incomplete(ApplicationRow application)
    {
        var errors = new Dictionary<string, string[]>();
        var team = application.Team;
        if (team.Count < application.TeamMin || team.Count > application.TeamMax)
        {
            errors["team"] = [Text.Pick($"Zespół zadaniowy liczy od {application.TeamMin} do {application.TeamMax} osób (teraz: {team.Count}).",
                $"The task team has {application.TeamMin} to {application.TeamMax} people (now: {team.Count}).")];
        }
        else if (team.Count(m => m.IsCoordinator) != 1)
        {
            errors["team"] = [Text.Pick("Jedna osoba z zespołu jest koordynatorem.", "One person of the team is the coordinator.")];
        }
        if (application.SchoolsRun is null)
        {
            errors["schoolsRun"] = [Text.Pick("Podaj liczbę szkół prowadzonych przez JST.", "Give the number of schools the JST runs.")];
        }
        if (application.TookPartBefore is null)
        {
            errors["tookPartBefore"] = [Text.Pick("Zaznacz, czy JST brała już udział w programie.", "Say whether the JST took part in the programme before.")];
        }
        if (application.ClauseVersion != InformationClause.Version)
        {
            errors["declarations.informationClauseVersion"] = [Text.Pick("Potwierdź zapoznanie się z aktualną klauzulą informacyjną.",
                "Confirm you have read the current information clause.")];
        }
        if (!application.Commitment)
        {
            errors["declarations.commitsToWholeCycle"] = [Text.Pick("JST zobowiązuje się do udziału w całym cyklu wsparcia.",
                "The JST commits to the whole cycle of support.")];
        }
        return errors;
    }

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Warsaw).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo(Text.Pick("pl-PL", "en-GB")));
}
