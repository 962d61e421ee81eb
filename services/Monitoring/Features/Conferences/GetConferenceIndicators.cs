using System.Data;

namespace Cro.Monitoring.Features.Conferences;

/// <summary>
/// GET /api/monitoring/conferences — whom the conferences for the exchange of experience reached, from publishing's
/// check-ins, overall and per conference: the people (each counted once however many days and conferences, by sex, as
/// ESF+ reporting asks), how many came from a JST or another institution, and the JST reached by kind, split into JST
/// taking part in the programme (supported in a round: accepted and not withdrawn) and JST outside it — the conferences
/// are open to every JST. Aggregates only, no personal data: for partners with indicators.read and for operators.
/// </summary>
public static class GetConferenceIndicators
{
    [OpenApiSchemaName("ConferenceIndicators")]
    public sealed record ConferenceIndicatorsResponse(ConferenceFigures Overall, IReadOnlyList<ConferenceFiguresOf> Conferences);

    /// <param name="People">People checked in on at least one day, once each, by sex.</param>
    /// <param name="PeopleFromJst">Of them, people who came from a JST (the others from other institutions).</param>
    /// <param name="JstReached">JST with at least one person checked in.</param>
    /// <param name="JstInProgramme">Of them, JST supported in a round of the programme.</param>
    /// <param name="JstReachedByKind">By kind of JST (gmina miejska, powiat…), each split into in and outside the programme.</param>
    [OpenApiSchemaName("ConferenceFigures")]
    public sealed record ConferenceFigures(PeopleBySex People, int PeopleFromJst, int PeopleFromOtherInstitutions, int JstReached, int JstInProgramme,
        int JstOutsideProgramme, IReadOnlyList<JstReachedOfKind> JstReachedByKind);

    [OpenApiSchemaName("ConferenceJstReachedOfKind")]
    public sealed record JstReachedOfKind(string Kind, int Total, int InProgramme, int OutsideProgramme);

    [OpenApiSchemaName("ConferenceFiguresOfOne")]
    public sealed record ConferenceFiguresOf(Guid ConferenceId, string Title, DateTimeOffset StartsAt, int DaysWithAttendance, ConferenceFigures Figures);

    private sealed record PersonCount(Guid? ConferenceId, string Sex, int People);

    private sealed record FromCount(Guid? ConferenceId, int FromJst, int FromOther);

    private sealed record KindCount(Guid? ConferenceId, string Kind, int Total, int InProgramme);

    private sealed record Conference(Guid Id, string Title, DateTimeOffset StartsAt, int Days);

    // Each query counts per conference and once more over all of them (the row whose conference is null), so a person or a
    // JST at two conferences counts at each and once overall. A person's sex is the one of their latest check-in.
    private const string Sql = """
        WITH person AS (
            SELECT DISTINCT ON (conference_id, participant_key) conference_id, participant_key, sex
            FROM conference_attendance ORDER BY conference_id, participant_key, attended_at DESC),
        everyone AS (
            SELECT DISTINCT ON (participant_key) participant_key, sex FROM conference_attendance ORDER BY participant_key, attended_at DESC)
        SELECT conference_id, sex, count(*)::int AS people FROM person GROUP BY conference_id, sex
        UNION ALL
        SELECT NULL, sex, count(*)::int FROM everyone GROUP BY sex;

        SELECT conference_id, count(DISTINCT participant_key) FILTER (WHERE institution_kind = 'jst')::int AS from_jst,
               count(DISTINCT participant_key) FILTER (WHERE institution_kind = 'other')::int AS from_other
        FROM conference_attendance GROUP BY GROUPING SETS ((conference_id), ());

        WITH reached AS (
            SELECT DISTINCT a.conference_id, a.jst_terc, coalesce(a.jst_kind, j.kind, 'unknown') AS kind,
                   EXISTS (SELECT 1 FROM recruitment_applications r WHERE r.jst_terc = a.jst_terc AND r.supported) AS in_programme
            FROM conference_attendance a LEFT JOIN jst j ON j.terc = a.jst_terc
            WHERE a.jst_terc IS NOT NULL)
        SELECT conference_id, kind, count(DISTINCT jst_terc)::int AS total, count(DISTINCT jst_terc) FILTER (WHERE in_programme)::int AS in_programme
        FROM reached GROUP BY GROUPING SETS ((conference_id, kind), (kind));

        SELECT c.id, c.title, c.starts_at, (SELECT count(DISTINCT day)::int FROM conference_attendance a WHERE a.conference_id = c.id) AS days
        FROM conferences c ORDER BY c.starts_at, c.id;
        """;

    public static RouteHandlerBuilder MapGetConferenceIndicators(this IEndpointRouteBuilder api) => api
        .MapGet("/conferences", HandleAsync)
        .WithName("GetConferenceIndicators")
        .WithSummary("Konferencje w liczbach: osoby według płci, JST według rodzaju, w programie i spoza niego / Conferences in numbers")
        .Produces<ConferenceIndicatorsResponse>()
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.IndicatorsRead));

    private static async Task<IResult> HandleAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        // One snapshot for every count (repeatable read), so they agree with each other. Counts over every JST.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);
        using var results = await session.QueryMultipleAsync(Sql);
        var people = (await results.ReadAsync<PersonCount>()).ToLookup(c => c.ConferenceId ?? Guid.Empty);
        var from = (await results.ReadAsync<FromCount>()).ToDictionary(c => c.ConferenceId ?? Guid.Empty);
        var kinds = (await results.ReadAsync<KindCount>()).ToLookup(c => c.ConferenceId ?? Guid.Empty);
        var conferences = await results.ReadAsync<Conference>();

        // Guid.Empty stands for "overall": no conference has it.
        ConferenceFigures Figures(Guid conference)
        {
            var reached = kinds[conference].OrderBy(k => k.Kind, StringComparer.Ordinal)
                .Select(k => new JstReachedOfKind(k.Kind, k.Total, k.InProgramme, k.Total - k.InProgramme)).ToList();
            var came = from.GetValueOrDefault(conference) ?? new FromCount(conference, 0, 0);
            var (total, inProgramme) = (reached.Sum(k => k.Total), reached.Sum(k => k.InProgramme));
            return new(PeopleBySex.From(people[conference].Select(p => new PeopleBySex.Count(p.Sex, p.People))), came.FromJst, came.FromOther, total,
                inProgramme, total - inProgramme, reached);
        }
        return TypedResults.Ok(new ConferenceIndicatorsResponse(Figures(Guid.Empty),
            [.. conferences.Select(c => new ConferenceFiguresOf(c.Id, c.Title, WarsawTime.InWarsaw(c.StartsAt), c.Days, Figures(c.Id)))]));
    }
}
