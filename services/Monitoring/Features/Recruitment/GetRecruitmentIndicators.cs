using System.Data;

namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// GET /api/monitoring/recruitment?roundId= — a round's recruitment in numbers, from recruitment's events:
/// applications submitted (per Warsaw calendar day and per województwo), JST accepted (an accepted JST that
/// withdrew no longer counts; the one promoted in its stead does), and the distinct people of those JST's
/// task teams by sex (<see cref="IndicatorDefinitions.Codes.PeopleInAcceptedTeams"/>: a figure, not the output indicator
/// "objęci wsparciem", which counts a person from their first session attended). Aggregates only. For partners with
/// indicators.read and for operators.
/// </summary>
public static class GetRecruitmentIndicators
{
    public sealed record RecruitmentIndicatorsResponse(Guid RoundId, string RoundName, int ApplicationsSubmitted, int JstAccepted, PeopleBySex PeopleInAcceptedTeams,
        IReadOnlyList<DayCount> SubmittedPerDay, IReadOnlyList<VoivodeshipCount> ByVoivodeship);

    /// <summary>Applications submitted on one calendar day in Europe/Warsaw.</summary>
    public sealed record DayCount(DateOnly Day, int Submitted);

    public sealed record VoivodeshipCount(string Terc, string? Name, int Submitted, int JstAccepted);

    public static RouteHandlerBuilder MapGetRecruitmentIndicators(this IEndpointRouteBuilder api) => api
        .MapGet("/recruitment", HandleAsync)
        .WithName("GetRecruitmentIndicators")
        .WithSummary("Nabór w liczbach: wnioski, przyjęte JST, osoby według płci / A round's recruitment in numbers")
        .Produces<RecruitmentIndicatorsResponse>()
        .WithDescription("Nabór, o którym monitorowanie nie otrzymało jeszcze żadnego zdarzenia, ma same zera i pustą nazwę (nie 404): " +
            "monitorowanie nie prowadzi rejestru naborów; o istnieniu naboru rozstrzyga GET /api/recruitment/rounds/{id}. / " +
            "A round monitoring has had no event of yet has zeros and an empty name (not 404): monitoring keeps no register of rounds; " +
            "whether a round exists is for GET /api/recruitment/rounds/{id} to say.")
        .ProducesValidationProblem()
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.IndicatorsRead));

    private static async Task<IResult> HandleAsync(Guid? roundId, NpgsqlDataSource db, CancellationToken ct)
    {
        if (roundId is not { } id)
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roundId"] = [Text.Pick("Podaj identyfikator naboru (roundId).", "Give the round's id (roundId).")],
            });
        }
        // One snapshot for every count (repeatable read), so they agree with each other. Counts over every JST.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);

        // Monitoring keeps no register of rounds: no event announces a round's opening, and a draft's event names no round
        // id. So it cannot tell a round it has heard nothing of from an id that names no round; either way nothing has
        // happened in it that counts, and the answer is zeros (the name empty until an event brings it). Whether a round
        // exists is recruitment's to say (GET /api/recruitment/rounds/{id}).
        var roundName = await session.QuerySingleOrDefaultAsync<string>("SELECT name FROM recruitment_rounds WHERE id = @id", new { id }) ?? "";
        // A person in two accepted teams of the round counts once, in the category of the later acceptance.
        var people = PeopleBySex.From(await session.QueryAsync<PeopleBySex.Count>("""
            SELECT sex, count(*)::int AS people
            FROM (SELECT DISTINCT ON (m.member_id) m.sex
                  FROM recruitment_team_members m JOIN recruitment_applications a ON a.id = m.application_id
                  WHERE a.round_id = @id AND a.supported
                  ORDER BY m.member_id, a.accepted_at DESC) person
            GROUP BY sex
            """, new { id }));
        var days = await session.QueryAsync<DayCount>("""
            SELECT (submitted_at AT TIME ZONE 'Europe/Warsaw')::date AS day, count(*)::int AS submitted
            FROM recruitment_applications
            WHERE round_id = @id AND submitted_at IS NOT NULL
            GROUP BY 1 ORDER BY 1
            """, new { id });
        var voivodeships = (await session.QueryAsync<VoivodeshipCount>("""
            SELECT a.voivodeship_terc AS terc, v.name,
                   count(*) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS submitted,
                   count(DISTINCT a.jst_terc) FILTER (WHERE a.supported)::int AS jst_accepted
            FROM recruitment_applications a LEFT JOIN jst v ON v.terc = a.voivodeship_terc
            WHERE a.round_id = @id
            GROUP BY a.voivodeship_terc, v.name
            ORDER BY a.voivodeship_terc
            """, new { id })).AsList();
        // A JST lies in one województwo, so the round's totals are the sums of the regions'.
        return TypedResults.Ok(new RecruitmentIndicatorsResponse(id, roundName, voivodeships.Sum(v => v.Submitted), voivodeships.Sum(v => v.JstAccepted),
            people,
            [.. days], voivodeships));
    }
}
