using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Reports;

namespace Cro.Monitoring.Features.PlansOversight;

/// <summary>
/// GET /api/monitoring/plans-overview — the plans of every JST in the programme, as aggregates only, nationally and per
/// województwo: how many JST stand in each state of their plan (none yet, a draft, in consultation, revised, adopted); how
/// implementation goes (the actions by status and their average progress, as each JST's latest report says); the money the
/// plans in force planned and the reports say was spent, by year and source of funding; and the reports overdue now. For
/// ORE and for partners with monitoring.read.
/// </summary>
public static class PlansOverview
{
    /// <summary>Spending reported without naming its sources.</summary>
    public const string UnspecifiedSource = "unspecified";

    /// <param name="State">none, draft, consultation, revised, adopted (a plan with an adopted version counts as adopted).</param>
    [OpenApiSchemaName("PlanStateCount")]
    public sealed record StateCount(string State, int Jst);

    /// <param name="Status">The action's <see cref="ActionStatus"/> in its JST's latest report.</param>
    [OpenApiSchemaName("ReportedActionStatusCount")]
    public sealed record ActionCount(string Status, int Actions);

    /// <summary>Implementation as the latest report of each JST (submitted at least once) has it.</summary>
    /// <param name="JstReporting">JST with at least one report submitted.</param>
    /// <param name="Actions">Their actions by status, every status listed.</param>
    /// <param name="AverageProgress">The mean progress (%) of those actions not abandoned; null when none was reported.</param>
    [OpenApiSchemaName("ImplementationProgress")]
    public sealed record Progress(int JstReporting, IReadOnlyList<ActionCount> Actions, decimal? AverageProgress);

    /// <param name="Code">The województwo's TERC (2 digits).</param>
    /// <param name="OverdueReports">Reports past their due moment and not submitted, now.</param>
    [OpenApiSchemaName("PlanStatesInVoivodeship")]
    public sealed record Voivodeship(string Code, string? Name, IReadOnlyList<StateCount> States, Progress Progress, int OverdueReports,
        decimal Planned, decimal Spent);

    /// <param name="Source"><see cref="FundingSource"/>, or <see cref="UnspecifiedSource"/> for spending reported without sources.</param>
    /// <param name="Planned">What the plans in force budget for the year from the source.</param>
    /// <param name="Spent">What the reports submitted at least once say was spent in periods ending in the year.</param>
    [OpenApiSchemaName("PlannedMoney")]
    public sealed record Money(int Year, string Source, decimal Planned, decimal Spent);

    /// <param name="Jst">JST in the programme (supported in a recruitment round) or with a plan.</param>
    [OpenApiSchemaName("PlansOverview")]
    public sealed record Overview(int Jst, IReadOnlyList<StateCount> States, Progress Progress, int OverdueReports, IReadOnlyList<Voivodeship> Voivodeships,
        IReadOnlyList<Money> Money, decimal TotalPlanned, decimal TotalSpent);

    public static RouteHandlerBuilder MapPlansOverview(this IEndpointRouteBuilder api) => api
        .MapGet("/plans-overview", async (DataSession session, TimeProvider time) => TypedResults.Ok(await BuildAsync(session, time.GetUtcNow())))
        .WithName("GetPlansOverview").WithSummary("Plany wszystkich JST: stany, realizacja, środki, zaległości / Every JST's plans: states, progress, money, overdue")
        .Produces<Overview>().RequireAuthorization(Policies.PartnerOrOperator(Scopes.MonitoringRead));

    private sealed record StateRow(string Voivodeship, string State, int Jst);

    private sealed record ProgressRow(string Voivodeship, string Status, int Actions, long ProgressSum, int ProgressCount);

    private sealed record CountRow(string Voivodeship, int Count);

    private sealed record MoneyRow(string Voivodeship, int Year, string Source, decimal Planned, decimal Spent);

    public static async Task<Overview> BuildAsync(DataSession session, DateTimeOffset now)
    {
        // Every JST's plan and reports are read; only counts and sums leave. The queries unpack every plan's and report's JSON:
        // PostgreSQL's JIT compiles them anew on each request once the row estimates grow, which costs more than it saves.
        await session.ChangeScopeAsync(JstScope.All);
        await session.ExecuteAsync("SET LOCAL jit = off");
        using var rows = await session.QueryMultipleAsync(
            string.Join(";\n", StatesSql, ProgressSql, ReportingSql, MoneySql, OverdueSql, "SELECT terc, name FROM jst WHERE kind = 'voivodeship'"), new { now });
        var states = (await rows.ReadAsync<StateRow>()).ToList();
        var progress = (await rows.ReadAsync<ProgressRow>()).ToList();
        var reporting = (await rows.ReadAsync<CountRow>()).ToDictionary(r => r.Voivodeship, r => r.Count);
        var money = (await rows.ReadAsync<MoneyRow>()).ToList();
        var overdue = (await rows.ReadAsync<CountRow>()).ToDictionary(o => o.Voivodeship, o => o.Count);
        var names = (await rows.ReadAsync<(string Terc, string Name)>()).ToDictionary(v => v.Terc, v => v.Name);

        var voivodeships = states.Select(s => s.Voivodeship).Union(progress.Select(p => p.Voivodeship)).Union(money.Select(m => m.Voivodeship))
            .Union(overdue.Keys).Order(StringComparer.Ordinal)
            .Select(code => new Voivodeship(code, names.GetValueOrDefault(code), States(states.Where(s => s.Voivodeship == code)),
                ProgressOf(reporting.GetValueOrDefault(code), progress.Where(p => p.Voivodeship == code)), overdue.GetValueOrDefault(code),
                money.Where(m => m.Voivodeship == code).Sum(m => m.Planned), money.Where(m => m.Voivodeship == code).Sum(m => m.Spent)));
        var national = money.GroupBy(m => (m.Year, m.Source)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Source == UnspecifiedSource)
            .ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => new Money(g.Key.Year, g.Key.Source, g.Sum(m => m.Planned), g.Sum(m => m.Spent))).ToList();
        return new Overview(states.Sum(s => s.Jst), States(states), ProgressOf(reporting.Values.Sum(), progress), overdue.Values.Sum(), [.. voivodeships],
            national, national.Sum(m => m.Planned), national.Sum(m => m.Spent));
    }

    public static readonly IReadOnlyList<string> AllStates = ["none", PlanStatus.Draft, PlanStatus.Consultation, PlanStatus.Revised, PlanStatus.Adopted];

    /// <summary>Each JST in the programme or with a plan, by the state of its plan.</summary>
    private const string StatesSql = $"""
        WITH state AS (
            SELECT p.jst_terc,
                   CASE WHEN EXISTS (SELECT 1 FROM plan_versions a WHERE a.plan_id = p.id AND a.status IN ('{PlanStatus.Adopted}', '{PlanStatus.Superseded}'))
                        THEN '{PlanStatus.Adopted}'
                        ELSE (SELECT l.status FROM plan_versions l WHERE l.plan_id = p.id ORDER BY l.number DESC LIMIT 1) END AS state
            FROM plans p),
        jst AS (SELECT jst_terc FROM recruitment_applications WHERE supported UNION SELECT jst_terc FROM state)
        SELECT left(j.jst_terc, 2) AS voivodeship, coalesce(s.state, 'none') AS state, count(*)::int AS jst
        FROM jst j LEFT JOIN state s USING (jst_terc) GROUP BY 1, 2
        """;

    /// <summary>The actions of each plan's latest report submitted at least once, by status, with their progress.</summary>
    private const string ProgressSql = """
        WITH latest AS (
            SELECT DISTINCT ON (r.plan_id) r.jst_terc, r.content FROM reports r
            WHERE r.first_submitted_at IS NOT NULL ORDER BY r.plan_id, r.number DESC)
        SELECT left(l.jst_terc, 2) AS voivodeship, a ->> 'status' AS status, count(*)::int AS actions,
               coalesce(sum((a ->> 'progress')::int) FILTER (WHERE a ->> 'status' <> 'abandoned'), 0)::bigint AS progress_sum,
               count(a ->> 'progress') FILTER (WHERE a ->> 'status' <> 'abandoned')::int AS progress_count
        FROM latest l, jsonb_array_elements(l.content -> 'actions') a GROUP BY 1, 2
        """;

    /// <summary>JST with at least one report submitted.</summary>
    private const string ReportingSql = """
        SELECT left(jst_terc, 2) AS voivodeship, count(DISTINCT plan_id)::int AS count FROM reports WHERE first_submitted_at IS NOT NULL GROUP BY 1
        """;

    /// <summary>
    /// Planned: the budget lines of every version in force. Spent: the reports submitted at least once, in the year their
    /// period ends — by the sources an entry names, or as unspecified where it names none.
    /// </summary>
    private const string MoneySql = $$"""
        WITH planned AS (
            SELECT left(v.jst_terc, 2) AS voivodeship, (line ->> 'year')::int AS year, line ->> 'source' AS source, (line ->> 'amount')::numeric AS amount
            FROM plan_versions v, jsonb_path_query(v.content, '$.actions[*].budget[*]') line
            WHERE v.status = '{{PlanStatus.Adopted}}'),
        spent AS (
            SELECT left(r.jst_terc, 2) AS voivodeship, extract(year FROM r.ends_on)::int AS year, line ->> 'source' AS source, (line ->> 'amount')::numeric AS amount
            FROM reports r, jsonb_path_query(r.content, '$.actions[*].spentBySource[*] ? (@.type() == "object")') line
            WHERE r.first_submitted_at IS NOT NULL
            UNION ALL
            SELECT left(r.jst_terc, 2), extract(year FROM r.ends_on)::int, '{{UnspecifiedSource}}', (entry ->> 'spent')::numeric
            FROM reports r, jsonb_path_query(r.content,
                '$.actions[*] ? (@.spent.type() == "number" && !exists(@.spentBySource[*] ? (@.type() == "object")))') entry
            WHERE r.first_submitted_at IS NOT NULL)
        SELECT voivodeship, year, source, sum(planned) AS planned, sum(spent) AS spent FROM (
            SELECT voivodeship, year, source, amount AS planned, 0 AS spent FROM planned
            UNION ALL SELECT voivodeship, year, source, 0, amount FROM spent) m
        GROUP BY 1, 2, 3
        """;

    /// <summary>Reports past their due moment and never submitted, as <see cref="OverdueReports"/> lists them.</summary>
    private const string OverdueSql = """
        SELECT left(jst_terc, 2) AS voivodeship, count(*)::int AS count FROM reports
        WHERE first_submitted_at IS NULL AND due_at <= @now GROUP BY 1
        """;

    /// <summary>Every state, with none where no JST stands in it.</summary>
    private static IReadOnlyList<StateCount> States(IEnumerable<StateRow> rows) =>
        [.. AllStates.Select(state => new StateCount(state, rows.Where(r => r.State == state).Sum(r => r.Jst)))];

    private static Progress ProgressOf(int jstReporting, IEnumerable<ProgressRow> rows)
    {
        var list = rows.ToList();
        var progressCount = list.Sum(r => r.ProgressCount);
        return new Progress(jstReporting, [.. ActionStatus.All.Select(status => new ActionCount(status, list.Where(r => r.Status == status).Sum(r => r.Actions)))],
            progressCount == 0 ? null : Math.Round((decimal)list.Sum(r => r.ProgressSum) / progressCount, 1));
    }
}
