namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// How many took part in a consultation and what they left, by stakeholder type. A participant is a personal invitation
/// that commented, or, through the public link, one client address (people behind one school's network count as one);
/// comments count whether or not the team hid them (hidden ones are also counted apart). Unanswered: visible comments
/// the team has not answered yet, which hold back the version's adoption.
/// </summary>
[OpenApiSchemaName("ConsultationCounts")]
public sealed record ConsultationCounts(int Participants, int Comments, int Hidden, int Answered, int Unanswered,
    IReadOnlyList<StakeholderTypeCount> ByStakeholderType)
{
    public static readonly ConsultationCounts None = new(0, 0, 0, 0, 0, [.. ConsultationStakeholder.Types.Select(t => new StakeholderTypeCount(t, 0, 0))]);

    private sealed record Row(Guid ConsultationId, string? Type, int Participants, int Comments, int Hidden, int Answered, int Unanswered);

    /// <summary>The counts of each of <paramref name="ids"/> (none for a consultation without comments), every type listed.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ConsultationCounts>> OfAsync(DataSession session, IReadOnlyCollection<Guid> ids)
    {
        var rows = (await session.QueryAsync<Row>("""
            WITH c AS (
                SELECT c.consultation_id, c.stakeholder_type, c.hidden_at IS NOT NULL AS hidden, c.answer IS NOT NULL AS answered,
                       CASE WHEN l.kind = 'personal' THEN l.id::text ELSE coalesce(encode(c.client_key, 'hex'), c.id::text) END AS participant
                FROM consultation_comments c JOIN consultation_links l ON l.id = c.link_id
                WHERE c.consultation_id = ANY (@ids))
            SELECT consultation_id, stakeholder_type AS type, count(DISTINCT participant)::int AS participants, count(*)::int AS comments,
                   count(*) FILTER (WHERE hidden)::int AS hidden, count(*) FILTER (WHERE answered AND NOT hidden)::int AS answered,
                   count(*) FILTER (WHERE NOT answered AND NOT hidden)::int AS unanswered
            FROM c GROUP BY GROUPING SETS ((consultation_id, stakeholder_type), (consultation_id))
            """, new { ids = ids.ToArray() })).ToList();
        return ids.ToDictionary(id => id, id =>
        {
            var of = rows.Where(r => r.ConsultationId == id).ToList();
            if (of.FirstOrDefault(r => r.Type is null) is not { } total)
            {
                return None;
            }
            return new ConsultationCounts(total.Participants, total.Comments, total.Hidden, total.Answered, total.Unanswered,
                [.. ConsultationStakeholder.Types.Select(type => of.FirstOrDefault(r => r.Type == type) is { } r
                    ? new StakeholderTypeCount(type, r.Participants, r.Comments) : new StakeholderTypeCount(type, 0, 0))]);
        });
    }

    /// <summary>Visible comments of the consultation of <paramref name="versionId"/> the team has not answered: each holds back the version's adoption.</summary>
    public static Task<int> UnansweredAsync(DataSession session, Guid versionId) => session.ExecuteScalarAsync<int>("""
        SELECT count(*)::int FROM consultation_comments c JOIN plan_consultations pc ON pc.id = c.consultation_id
        WHERE pc.version_id = @versionId AND c.hidden_at IS NULL AND c.answer IS NULL
        """, new { versionId });

    /// <summary>The sum of several consultations' counts (a participant of two consultations counts in each).</summary>
    public static ConsultationCounts Sum(IEnumerable<ConsultationCounts> counts)
    {
        var all = counts.ToList();
        return new ConsultationCounts(all.Sum(c => c.Participants), all.Sum(c => c.Comments), all.Sum(c => c.Hidden), all.Sum(c => c.Answered),
            all.Sum(c => c.Unanswered), [.. ConsultationStakeholder.Types.Select(type => new StakeholderTypeCount(type,
                all.Sum(c => c.ByStakeholderType.First(s => s.Type == type).Participants), all.Sum(c => c.ByStakeholderType.First(s => s.Type == type).Comments)))]);
    }
}

[OpenApiSchemaName("ConsultationStakeholderTypeCount")]
public sealed record StakeholderTypeCount(string Type, int Participants, int Comments);

/// <summary>
/// Consultations for monitoring. GET /api/monitoring/plans/{id}/consultations — every consultation of a plan with its
/// counts (the team, its advisor, ORE). GET /api/monitoring/consultations/summary — ORE's view across JST: how many
/// consultations were opened, are open and closed, in how many JST, with participants and comments by stakeholder type,
/// in total and by JST.
/// </summary>
public static class ConsultationStatistics
{
    /// <param name="State">scheduled, open or closed.</param>
    [OpenApiSchemaName("PlanConsultationStatistics")]
    public sealed record PlanConsultationStatistics(Guid Id, int Version, DateOnly OpensOn, DateOnly ClosesOn, string State, ConsultationCounts Counts);

    [OpenApiSchemaName("JstConsultationStatistics")]
    public sealed record JstConsultationStatistics(string JstTerc, string? JstName, int Consultations, ConsultationCounts Counts);

    [OpenApiSchemaName("ConsultationsSummary")]
    public sealed record ConsultationsSummary(int Consultations, int Scheduled, int Open, int Closed, int Jst, ConsultationCounts Totals,
        IReadOnlyList<JstConsultationStatistics> ByJst);

    private sealed record Listed(Guid Id, string JstTerc, string? JstName, int Version, DateOnly OpensOn, DateOnly ClosesOn, string State);

    /// <summary>The state by the Warsaw day, as <see cref="ConsultationRow.StateAt"/> has it.</summary>
    private const string Listing = """
        SELECT c.id, c.jst_terc, j.name AS jst_name, v.number AS version, c.opens_on, c.closes_on,
               CASE WHEN c.closed_at IS NOT NULL OR c.closes_on < @today THEN 'closed' WHEN c.opens_on > @today THEN 'scheduled' ELSE 'open' END AS state
        FROM plan_consultations c JOIN plan_versions v ON v.id = c.version_id LEFT JOIN jst j ON j.terc = c.jst_terc
        """;

    public static IEndpointRouteBuilder MapConsultationCounts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/{id:guid}/consultations", PlanAsync)
            .WithName("ListPlanConsultations").WithSummary("Konsultacje planu z liczbą uczestników i uwag / The plan's consultations with counts")
            .Produces<IReadOnlyList<PlanConsultationStatistics>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/consultations/summary", SummaryAsync)
            .WithName("GetConsultationsSummary").WithSummary("Konsultacje planów we wszystkich JST / Plan consultations across JST")
            .Produces<ConsultationsSummary>().RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> PlanAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time)
    {
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM plans WHERE id = @id)", new { id }))
        {
            return PlanVersionRow.NotFound();
        }
        var listed = await ListAsync(session, time, "WHERE c.plan_id = @id ORDER BY v.number", new { id });
        var counts = await ConsultationCounts.OfAsync(session, [.. listed.Select(c => c.Id)]);
        return TypedResults.Ok(listed.Select(c => new PlanConsultationStatistics(c.Id, c.Version, c.OpensOn, c.ClosesOn, c.State, counts[c.Id])).ToList());
    }

    private static async Task<IResult> SummaryAsync([RepeatableRead] DataSession session, TimeProvider time)
    {
        var listed = await ListAsync(session, time, "ORDER BY j.name COLLATE \"pl-x-icu\", c.jst_terc, v.number", new { });
        var counts = await ConsultationCounts.OfAsync(session, [.. listed.Select(c => c.Id)]);
        var byJst = listed.GroupBy(c => (c.JstTerc, c.JstName))
            .Select(g => new JstConsultationStatistics(g.Key.JstTerc, g.Key.JstName, g.Count(), ConsultationCounts.Sum(g.Select(c => counts[c.Id])))).ToList();
        return TypedResults.Ok(new ConsultationsSummary(listed.Count, listed.Count(c => c.State == ConsultationRow.Scheduled),
            listed.Count(c => c.State == ConsultationRow.Open), listed.Count(c => c.State == ConsultationRow.Closed), byJst.Count,
            ConsultationCounts.Sum(counts.Values), byJst));
    }

    private static async Task<IReadOnlyList<Listed>> ListAsync(DataSession session, TimeProvider time, string where, object parameters)
    {
        var args = new DynamicParameters(parameters);
        args.Add("today", DateOnly.FromDateTime(WarsawTime.InWarsaw(time.GetUtcNow()).DateTime));
        return [.. await session.QueryAsync<Listed>(Listing + " " + where, args)];
    }
}
