namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// The project's budget as seeded from the programme's card (migration 0021): the project's total and EU part, the four
/// tasks with their share and period, the plan per task and year. Read whole: it is a handful of rows, and every check of
/// spending needs the tasks' periods and the plan.
/// </summary>
public sealed record BudgetBook(BudgetBook.Project Whole, IReadOnlyList<BudgetBook.BudgetTask> Tasks, IReadOnlyList<BudgetBook.PlanRow> Plan,
    IReadOnlyList<BudgetBook.CardYear> CardYears)
{
    public sealed record Project(decimal Total, decimal Eu, DateOnly StartsOn, DateOnly EndsOn);

    public sealed record BudgetTask(int Number, string NamePl, string NameEn, string ShortNamePl, string ShortNameEn, decimal SharePercent,
        DateOnly StartsOn, DateOnly EndsOn)
    {
        /// <summary>The first and last month spending on the task may be booked in: its period within the project's.</summary>
        public (DateOnly First, DateOnly Last) Months(Project project)
        {
            var first = StartsOn > project.StartsOn ? StartsOn : project.StartsOn;
            var last = EndsOn < project.EndsOn ? EndsOn : project.EndsOn;
            return (new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1));
        }

        public string Name => Text.Pick(NamePl, NameEn);
    }

    public sealed record PlanRow(int Task, int Year, decimal Amount, decimal Eu, decimal National);

    public sealed record CardYear(int Year, decimal Amount);

    /// <summary>The EU's part of the project, 4 951 200 / 6 000 000 = 82,52 %.</summary>
    public decimal EuShare => Whole.Eu / Whole.Total;

    public BudgetTask? Task(int number) => Tasks.FirstOrDefault(t => t.Number == number);

    /// <summary>What the plan gives a task in a year; nothing for a year outside the task's period.</summary>
    public decimal Planned(int task, int year) => Plan.FirstOrDefault(p => p.Task == task && p.Year == year)?.Amount ?? 0m;

    public static async Task<BudgetBook> ReadAsync(DataSession session)
    {
        using var results = await session.QueryMultipleAsync("""
            SELECT total, eu, starts_on, ends_on FROM budget_project;
            SELECT number, name_pl, name_en, short_name_pl, short_name_en, share_percent, starts_on, ends_on FROM budget_tasks ORDER BY number;
            SELECT task, year, amount, eu, national FROM budget_plan ORDER BY task, year;
            SELECT year, amount FROM budget_card_years ORDER BY year;
            """);
        var project = await results.ReadSingleAsync<Project>();
        var tasks = (await results.ReadAsync<BudgetTask>()).ToList();
        var plan = (await results.ReadAsync<PlanRow>()).ToList();
        var years = (await results.ReadAsync<CardYear>()).ToList();
        return new(project, tasks, plan, years);
    }

    /// <summary>Spending already booked per task and year, leaving out one line (the one being corrected).</summary>
    public static async Task<Dictionary<(int Task, int Year), decimal>> SpentAsync(DataSession session, Guid? except = null) =>
        (await session.QueryAsync<(int Task, int Year, decimal Amount)>("""
            SELECT task, extract(year FROM month)::int AS year, sum(amount) AS amount
            FROM budget_spending WHERE @except::uuid IS NULL OR id <> @except
            GROUP BY task, extract(year FROM month)
            """, new { except })).ToDictionary(s => (s.Task, s.Year), s => s.Amount);

    /// <summary>
    /// Spending is written one writer at a time (a transaction-scoped lock), so two finance people booking at once cannot
    /// both fit under the same year's plan.
    /// </summary>
    public static Task LockSpendingAsync(DataSession session) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('budget_spending'))");
}
