using System.Data;

namespace Cro.Monitoring.Features.Training;

/// <summary>
/// GET /api/monitoring/indicators?roundId= — the programme's people indicators, computed from events, by sex:
/// the output indicator "przedstawiciele kadr JST objęci wsparciem" (people of accepted teams who attended at
/// least one training session that still stands as attended) and the result indicator "przedstawiciele kadr
/// JST, którzy podnieśli kompetencje" (people with at least one module whose post-test stands as raised).
/// Overall, or for the people of one round's teams. Aggregates only; partners with indicators.read, operators.
/// </summary>
public static class GetProgrammeIndicators
{
    public sealed record ProgrammeIndicatorsResponse(Guid? RoundId, PeopleBySex PeopleSupported, PeopleBySex CompetencesRaised, int JstSupported);

    /// <summary>A person of the round's teams (or anyone, without a round), by the recruitment member id.</summary>
    private const string InRound = """
        (@roundId::uuid IS NULL OR EXISTS (
            SELECT 1 FROM recruitment_team_members m JOIN recruitment_applications a ON a.id = m.application_id
            WHERE m.member_id = participant_id AND a.round_id = @roundId))
        """;

    public static RouteHandlerBuilder MapGetProgrammeIndicators(this IEndpointRouteBuilder api) => api
        .MapGet("/indicators", HandleAsync)
        .WithName("GetProgrammeIndicators")
        .WithSummary("Wskaźniki programu: objęci wsparciem, podnieśli kompetencje / The programme's people indicators")
        .Produces<ProgrammeIndicatorsResponse>()
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.IndicatorsRead));

    private static async Task<IResult> HandleAsync(Guid? roundId, NpgsqlDataSource db, CancellationToken ct)
    {
        // One snapshot for the three counts (repeatable read). Counts over every JST.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);
        return TypedResults.Ok(await ComputeAsync(session, roundId));
    }

    /// <summary>The indicators in a session that sees every JST (the project's budget dashboard reports them too).</summary>
    public static async Task<ProgrammeIndicatorsResponse> ComputeAsync(DataSession session, Guid? roundId)
    {
        // Each person once, in the sex category of their latest event.
        var supported = await session.QueryAsync<PeopleBySex.Count>($"""
            SELECT sex, count(*)::int AS people
            FROM (SELECT DISTINCT ON (participant_id) sex FROM training_attendance
                  WHERE attended AND {InRound} ORDER BY participant_id, recorded_at DESC) person
            GROUP BY sex
            """, new { roundId });
        var raised = await session.QueryAsync<PeopleBySex.Count>($"""
            SELECT sex, count(*)::int AS people
            FROM (SELECT DISTINCT ON (participant_id) sex FROM training_competence
                  WHERE raised AND {InRound} ORDER BY participant_id, validated_at DESC) person
            GROUP BY sex
            """, new { roundId });
        var jst = await session.ExecuteScalarAsync<int>($"""
            SELECT count(DISTINCT jst_terc)::int FROM training_attendance WHERE attended AND {InRound}
            """, new { roundId });
        return new ProgrammeIndicatorsResponse(roundId, PeopleBySex.From(supported), PeopleBySex.From(raised), jst);
    }
}
