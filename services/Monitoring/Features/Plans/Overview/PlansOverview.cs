namespace Cro.Monitoring.Features.Plans.Overview;

/// <summary>
/// GET /api/monitoring/plans-overview — the plans of every JST in the programme, as aggregates only: how many JST stand in
/// each state of their plan (none yet, a draft, in consultation, revised, adopted), nationally and per województwo, and the
/// money the plans in force planned by year and source of funding. For ORE and for partners with monitoring.read.
/// </summary>
public static class PlansOverview
{
    /// <param name="State">none, draft, consultation, revised, adopted (a plan with an adopted version counts as adopted).</param>
    [OpenApiSchemaName("PlanStateCount")]
    public sealed record StateCount(string State, int Jst);

    /// <param name="Code">The województwo's TERC (2 digits).</param>
    [OpenApiSchemaName("PlanStatesInVoivodeship")]
    public sealed record Voivodeship(string Code, string? Name, IReadOnlyList<StateCount> States);

    [OpenApiSchemaName("PlannedMoney")]
    public sealed record Money(int Year, string Source, decimal Planned);

    /// <param name="Jst">JST in the programme (supported in a recruitment round) or with a plan.</param>
    [OpenApiSchemaName("PlansOverview")]
    public sealed record Overview(int Jst, IReadOnlyList<StateCount> States, IReadOnlyList<Voivodeship> Voivodeships, IReadOnlyList<Money> Planned,
        decimal TotalPlanned);

    private sealed record Row(string Voivodeship, string State, int Jst);

    public static RouteHandlerBuilder MapPlansOverview(this IEndpointRouteBuilder api) => api
        .MapGet("/plans-overview", async (DataSession session) => TypedResults.Ok(await BuildAsync(session)))
        .WithName("GetPlansOverview").WithSummary("Plany wszystkich JST: stany i środki / Every JST's plans: states and money")
        .Produces<Overview>().RequireAuthorization(Policies.PartnerOrOperator(Scopes.MonitoringRead));

    public static async Task<Overview> BuildAsync(DataSession session)
    {
        // Every JST's plan is read; only counts and sums leave.
        await session.ChangeScopeAsync(JstScope.All);
        using var rows = await session.QueryMultipleAsync($"""
            WITH state AS (
                SELECT p.jst_terc,
                       CASE WHEN EXISTS (SELECT 1 FROM plan_versions a WHERE a.plan_id = p.id AND a.status IN ('{PlanStatus.Adopted}', '{PlanStatus.Superseded}'))
                            THEN '{PlanStatus.Adopted}'
                            ELSE (SELECT l.status FROM plan_versions l WHERE l.plan_id = p.id ORDER BY l.number DESC LIMIT 1) END AS state
                FROM plans p),
            jst AS (SELECT jst_terc FROM recruitment_applications WHERE supported UNION SELECT jst_terc FROM state)
            SELECT left(j.jst_terc, 2) AS voivodeship, coalesce(s.state, 'none') AS state, count(*)::int AS jst
            FROM jst j LEFT JOIN state s USING (jst_terc) GROUP BY 1, 2 ORDER BY 1, 2;
            SELECT (line ->> 'year')::int AS year, line ->> 'source' AS source, sum((line ->> 'amount')::numeric) AS planned
            FROM plan_versions v, jsonb_array_elements(v.content -> 'actions') action, jsonb_array_elements(action -> 'budget') line
            WHERE v.status = '{PlanStatus.Adopted}' GROUP BY 1, 2 ORDER BY 1, 2;
            SELECT terc, name FROM jst WHERE kind = 'voivodeship';
            """);
        var counts = (await rows.ReadAsync<Row>()).ToList();
        var planned = (await rows.ReadAsync<Money>()).ToList();
        var names = (await rows.ReadAsync<(string Terc, string Name)>()).ToDictionary(v => v.Terc, v => v.Name);
        return new Overview(counts.Sum(c => c.Jst), States(counts),
            [.. counts.GroupBy(c => c.Voivodeship).Select(g => new Voivodeship(g.Key, names.GetValueOrDefault(g.Key), States(g)))],
            planned, planned.Sum(m => m.Planned));
    }

    public static readonly IReadOnlyList<string> AllStates = ["none", PlanStatus.Draft, PlanStatus.Consultation, PlanStatus.Revised, PlanStatus.Adopted];

    /// <summary>Every state, with none where no JST stands in it.</summary>
    private static IReadOnlyList<StateCount> States(IEnumerable<Row> rows) =>
        [.. AllStates.Select(state => new StateCount(state, rows.Where(r => r.State == state).Sum(r => r.Jst)))];
}
