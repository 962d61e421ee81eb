using System.Data;
using System.Globalization;
using Cro.Monitoring.Features.Advisory;
using Cro.Monitoring.Features.Training;

namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// GET /api/monitoring/budget/dashboard — the project at a glance for ORE's staff and finance staff: the plan against the
/// spending booked, per task and year, by year (beside the card's yearly estimate) and in total, each with its EU and
/// national parts; the card's three indicators against their targets, by sex (computed by the indicator endpoints' own
/// queries); and the tasks' timeline with today's place on it.
/// </summary>
public static class BudgetDashboard
{
    [OpenApiSchemaName("BudgetMoney")]
    public sealed record Money(decimal Amount, decimal Eu, decimal National)
    {
        public static readonly Money Zero = new(0, 0, 0);

        public static Money Sum(IEnumerable<Money> all) => all.Aggregate(Zero, (a, b) => new(a.Amount + b.Amount, a.Eu + b.Eu, a.National + b.National));
    }

    [OpenApiSchemaName("BudgetProject")]
    public sealed record ProjectView(Money Budget, decimal EuSharePercent, DateOnly StartsOn, DateOnly EndsOn);

    /// <param name="FromQuarter">The period's first quarter as the card gives it, e.g. 2023-Q2.</param>
    /// <param name="Stage">Where the task stands today: planned (not started), running or ended.</param>
    [OpenApiSchemaName("BudgetTaskView")]
    public sealed record TaskView(int Number, string NamePl, string NameEn, string ShortNamePl, string ShortNameEn, decimal SharePercent,
        string FromQuarter, string ToQuarter, DateOnly StartsOn, DateOnly EndsOn, string Stage, Money Planned, Money Spent);

    [OpenApiSchemaName("BudgetTaskYear")]
    public sealed record TaskYear(int Task, int Year, Money Planned, Money Spent);

    /// <param name="CardEstimate">The card's own estimate of the year's spending (1 500 000 zł a year), kept beside the tasks' plan.</param>
    [OpenApiSchemaName("BudgetYearTotal")]
    public sealed record YearTotal(int Year, decimal CardEstimate, Money Planned, Money Spent);

    /// <summary>A card indicator against its target: the value reached, by sex where the indicator has a target by sex.</summary>
    [OpenApiSchemaName("BudgetIndicatorProgress")]
    public sealed record IndicatorProgress(string Code, string Kind, string Unit, string NamePl, string NameEn, int? TargetTotal, int? TargetWomen, int? TargetMen,
        int Value, int? Women, int? Men, decimal? PercentOfTarget);

    [OpenApiSchemaName("BudgetDashboard")]
    public sealed record Dashboard(DateOnly Today, ProjectView Project, List<TaskView> Tasks, List<TaskYear> Years, List<YearTotal> YearTotals,
        Money PlannedTotal, Money SpentTotal, List<IndicatorProgress> Indicators);

    public static RouteHandlerBuilder MapBudgetDashboard(this IEndpointRouteBuilder api) => api
        .MapGet("/budget/dashboard", async (NpgsqlDataSource db, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(await BuildAsync(db, configuration, time.GetUtcNow(), ct)))
        .WithName("GetBudgetDashboard").WithSummary("Budżet projektu: plan i wydatki, wskaźniki, harmonogram / The project's budget: plan and spending, indicators, timeline")
        .Produces<Dashboard>()
        .RequireAuthorization(Policies.FinanceOrOperator);

    public static async Task<Dashboard> BuildAsync(NpgsqlDataSource db, IConfiguration configuration, DateTimeOffset now, CancellationToken ct)
    {
        // One snapshot for the money and the indicators (repeatable read); the indicators count over every JST, aggregates only.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);
        var book = await BudgetBook.ReadAsync(session);
        var spent = (await session.QueryAsync<(int Task, int Year, decimal Amount, decimal Eu, decimal National)>("""
            SELECT task, extract(year FROM month)::int AS year, sum(amount), sum(eu), sum(national)
            FROM budget_spending GROUP BY task, extract(year FROM month)
            """)).ToDictionary(s => (s.Task, s.Year), s => new Money(s.Amount, s.Eu, s.National));
        var today = DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime);

        var years = book.Plan.Select(p => p.Year).Concat(spent.Keys.Select(k => k.Year)).Concat(book.CardYears.Select(c => c.Year)).Distinct().Order().ToList();
        var taskYears = (from task in book.Tasks
                         from year in years
                         let plan = book.Plan.FirstOrDefault(p => p.Task == task.Number && p.Year == year)
                         let planned = plan is null ? Money.Zero : new Money(plan.Amount, plan.Eu, plan.National)
                         let actual = spent.GetValueOrDefault((task.Number, year)) ?? Money.Zero
                         where plan is not null || actual.Amount > 0
                         select new TaskYear(task.Number, year, planned, actual)).ToList();
        var tasks = book.Tasks.Select(t => new TaskView(t.Number, t.NamePl, t.NameEn, t.ShortNamePl, t.ShortNameEn, t.SharePercent,
            Quarter(t.StartsOn), Quarter(t.EndsOn), t.StartsOn, t.EndsOn, today < t.StartsOn ? "planned" : today > t.EndsOn ? "ended" : "running",
            Money.Sum(taskYears.Where(y => y.Task == t.Number).Select(y => y.Planned)), Money.Sum(taskYears.Where(y => y.Task == t.Number).Select(y => y.Spent)))).ToList();
        var yearTotals = years.Select(y => new YearTotal(y, book.CardYears.FirstOrDefault(c => c.Year == y)?.Amount ?? 0,
            Money.Sum(taskYears.Where(t => t.Year == y).Select(t => t.Planned)), Money.Sum(taskYears.Where(t => t.Year == y).Select(t => t.Spent)))).ToList();

        var project = new ProjectView(new Money(book.Whole.Total, book.Whole.Eu, book.Whole.Total - book.Whole.Eu),
            decimal.Round(book.EuShare * 100, 2), book.Whole.StartsOn, book.Whole.EndsOn);
        return new(today, project, tasks, taskYears, yearTotals, Money.Sum(tasks.Select(t => t.Planned)), Money.Sum(tasks.Select(t => t.Spent)),
            await IndicatorsAsync(session, configuration));
    }

    /// <summary>The card's indicators (output and result), each valued by the endpoint that reports it.</summary>
    private static async Task<List<IndicatorProgress>> IndicatorsAsync(DataSession session, IConfiguration configuration)
    {
        var definitions = (await IndicatorDefinitions.LatestAsync(session)).Where(d => d.Kind is "output" or "result").ToList();
        var people = await GetProgrammeIndicators.ComputeAsync(session, roundId: null);
        var advisory = await GetAdvisoryIndicators.ComputeAsync(session, configuration);
        return [.. definitions.Select(d =>
        {
            var bySex = d.Code switch
            {
                IndicatorDefinitions.Codes.PeopleSupported => people.PeopleSupported,
                IndicatorDefinitions.Codes.CompetencesRaised => people.CompetencesRaised,
                _ => null,
            };
            var value = bySex?.Total ?? (d.Code == IndicatorDefinitions.Codes.JstAdvised ? advisory.JstCovered.Value : 0);
            return new IndicatorProgress(d.Code, d.Kind, d.Unit, d.NamePl, d.NameEn, d.TargetTotal, d.TargetWomen, d.TargetMen, value,
                d.TargetWomen is null ? null : bySex?.Women, d.TargetMen is null ? null : bySex?.Men,
                d.TargetTotal is > 0 and var target ? decimal.Round(value * 100m / target, 1) : null);
        })];
    }

    public static string Quarter(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{(day.Month - 1) / 3 + 1}");
}
