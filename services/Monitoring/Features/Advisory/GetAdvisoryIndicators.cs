using System.Data;

namespace Cro.Monitoring.Features.Advisory;

/// <summary>
/// GET /api/monitoring/advisory — advisory in numbers, from advisory's events, overall and per round: the seed's result
/// indicator "Liczba JST objętych działaniami doradczymi" (JST with at least one advisory meeting held; a JST counts once
/// however many meetings, and once overall however many rounds) against its target, the meetings held (by stage) and their
/// hours, and the dialogue meetings and debates held with the stakeholders present by type. Aggregates only, no personal
/// data: for partners with advisory.read and for operators.
/// </summary>
public static class GetAdvisoryIndicators
{
    /// <summary>The seed's pilot target; Monitoring:Targets:JstCoveredByAdvisory sets another for later calls.</summary>
    public const int PilotTarget = 50;

    public const string IndicatorName = "Liczba JST objętych działaniami doradczymi";

    public sealed record AdvisoryIndicatorsResponse(ResultIndicator JstCovered, AdvisoryFigures Overall, IReadOnlyList<RoundAdvisoryFigures> Rounds);

    /// <summary>A result indicator of the seed: its Polish name, the target and the value reached (overall).</summary>
    public sealed record ResultIndicator(string Name, int Target, int Value);

    /// <param name="JstCovered">JST with at least one advisory meeting held.</param>
    /// <param name="MeetingsHeldByStage">diagnosis, plan, implementation, other.</param>
    /// <param name="DialogueMeetingsHeld">By kind: dialogue, debate.</param>
    /// <param name="StakeholdersPresent">
    /// People present at dialogue meetings and debates, by type (school-directors, teachers, parents, pupils, employers,
    /// ngos, councillors, others): counts of attendance, so someone at two meetings is counted at both.
    /// </param>
    public sealed record AdvisoryFigures(int JstCovered, int MeetingsHeld, decimal HoursHeld, IReadOnlyDictionary<string, int> MeetingsHeldByStage,
        IReadOnlyDictionary<string, int> DialogueMeetingsHeld, IReadOnlyDictionary<string, int> StakeholdersPresent);

    /// <param name="RoundName">From recruitment's events; null until monitoring has one of the round.</param>
    public sealed record RoundAdvisoryFigures(Guid RoundId, string? RoundName, AdvisoryFigures Figures);

    /// <summary>A total of one round (or overall, without a round).</summary>
    private sealed record Held(Guid? RoundId, int JstCovered, int MeetingsHeld, decimal HoursHeld);

    /// <summary>A count of one key (a stage, a kind, a stakeholder type) in one round (or overall, without a round).</summary>
    private sealed record KeyCount(Guid? RoundId, string Key, int Count);

    private sealed record Round(Guid Id, string? Name);

    // Each query groups by round and once more over everything (the row whose round is null), so a JST covered in two
    // rounds counts in each of them and once overall.
    private const string Sql = """
        SELECT round_id, count(DISTINCT jst_terc)::int AS jst_covered, count(*)::int AS meetings_held,
               coalesce(round(sum(held_minutes) / 60.0, 2), 0) AS hours_held
        FROM advisory_meetings WHERE held_minutes IS NOT NULL
        GROUP BY GROUPING SETS ((round_id), ());

        SELECT round_id, stage AS key, count(*)::int AS count
        FROM advisory_meetings WHERE held_minutes IS NOT NULL
        GROUP BY GROUPING SETS ((round_id, stage), (stage));

        SELECT round_id, kind AS key, count(*)::int AS count
        FROM dialogue_meetings
        GROUP BY GROUPING SETS ((round_id, kind), (kind));

        SELECT d.round_id, p.key, sum(p.value::int)::int AS count
        FROM dialogue_meetings d CROSS JOIN LATERAL jsonb_each_text(d.present) p
        GROUP BY GROUPING SETS ((d.round_id, p.key), (p.key));

        SELECT r.id, rr.name
        FROM (SELECT round_id AS id FROM advisory_engagements
              UNION SELECT round_id FROM advisory_meetings WHERE round_id IS NOT NULL
              UNION SELECT round_id FROM dialogue_meetings) r
        LEFT JOIN recruitment_rounds rr ON rr.id = r.id
        ORDER BY rr.name NULLS LAST, r.id;
        """;

    public static RouteHandlerBuilder MapGetAdvisoryIndicators(this IEndpointRouteBuilder api) => api
        .MapGet("/advisory", HandleAsync)
        .WithName("GetAdvisoryIndicators")
        .WithSummary("Doradztwo w liczbach: JST objęte doradztwem, godziny, spotkania, interesariusze / Advisory in numbers, per round")
        .Produces<AdvisoryIndicatorsResponse>()
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.AdvisoryRead));

    private static async Task<IResult> HandleAsync(NpgsqlDataSource db, IConfiguration configuration, CancellationToken ct)
    {
        // One snapshot for every count (repeatable read), so they agree with each other. Counts over every JST.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);
        return TypedResults.Ok(await ComputeAsync(session, configuration));
    }

    /// <summary>The figures in a session that sees every JST (the project's budget dashboard reports the indicator too).</summary>
    public static async Task<AdvisoryIndicatorsResponse> ComputeAsync(DataSession session, IConfiguration configuration)
    {
        using var results = await session.QueryMultipleAsync(Sql);
        var held = (await results.ReadAsync<Held>()).ToDictionary(h => h.RoundId ?? Guid.Empty);
        var stages = (await results.ReadAsync<KeyCount>()).ToLookup(c => c.RoundId ?? Guid.Empty);
        var kinds = (await results.ReadAsync<KeyCount>()).ToLookup(c => c.RoundId ?? Guid.Empty);
        var stakeholders = (await results.ReadAsync<KeyCount>()).ToLookup(c => c.RoundId ?? Guid.Empty);
        var rounds = await results.ReadAsync<Round>();

        // Guid.Empty stands for "overall": no round has it.
        AdvisoryFigures Figures(Guid round)
        {
            var h = held.GetValueOrDefault(round) ?? new Held(round, 0, 0, 0);
            return new(h.JstCovered, h.MeetingsHeld, h.HoursHeld, stages[round].ToDictionary(c => c.Key, c => c.Count),
                kinds[round].ToDictionary(c => c.Key, c => c.Count), stakeholders[round].ToDictionary(c => c.Key, c => c.Count));
        }
        var overall = Figures(Guid.Empty);
        var target = configuration.GetValue("Monitoring:Targets:JstCoveredByAdvisory", PilotTarget);
        return new AdvisoryIndicatorsResponse(new ResultIndicator(IndicatorName, target, overall.JstCovered), overall,
            [.. rounds.Select(r => new RoundAdvisoryFigures(r.Id, r.Name, Figures(r.Id)))]);
    }
}
