using System.IO.Compression;
using System.Net;
using Cro.Monitoring.Features.Budget;
using UglyToad.PdfPig;
using static Cro.Monitoring.Tests.Budgets;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The project's own budget: the plan seeded from the programme's card adds up (6 000 000 zł, the tasks' shares, the EU's
/// 82,52 %); ORE's finance staff book spending per task and month, correct it with its history kept, and are refused lines
/// that do not fit (named, nothing written); the dashboard for ORE and finance, and its report for the ministry.
/// Tests of this class share one database, so each books on its own task and year.
/// </summary>
public sealed class BudgetTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_plan_adds_up_to_the_cards_budget_its_task_shares_and_EU_part_with_the_cards_task_periods()
    {
        var plan = await service.QueryAsync<(int Task, int Year, decimal Amount, decimal Eu, decimal National)>(
            "SELECT task, year, amount, eu, national FROM budget_plan ORDER BY task, year");
        var cardYears = await service.QueryAsync<(int Year, decimal Amount)>("SELECT year, amount FROM budget_card_years ORDER BY year");
        var dashboard = await service.Operator().DashboardAsync();

        Assert.Equal(6_000_000.00m, plan.Sum(p => p.Amount));
        Assert.Equal(4_951_200.00m, plan.Sum(p => p.Eu));
        Assert.Equal(1_048_800.00m, plan.Sum(p => p.National));
        Assert.All(plan, p => Assert.Equal(p.Amount, p.Eu + p.National));
        // Each amount's EU part is 82,52 % of it to the grosz.
        Assert.All(plan, p => Assert.True(Math.Abs(p.Amount * 0.8252m - p.Eu) <= 0.005m, $"task {p.Task} {p.Year}: {p.Eu} of {p.Amount}"));
        Assert.Equal(new Dictionary<int, decimal> { [1] = 300_000m, [2] = 4_200_000m, [3] = 600_000m, [4] = 900_000m },
            plan.GroupBy(p => p.Task).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)));
        Assert.Equal([(2023, 1_500_000m), (2024, 1_500_000m), (2025, 1_500_000m), (2026, 1_500_000m)], cardYears);
        Assert.Equal(6_000_000m, cardYears.Sum(c => c.Amount));

        // The tasks as the card names them, with its shares and periods; the plan lies within each task's period.
        Assert.Equal([(1, 5.00m, "2023-Q2", "2024-Q2"), (2, 70.00m, "2024-Q2", "2025-Q3"), (3, 10.00m, "2025-Q3", "2026-Q4"), (4, 15.00m, "2024-Q2", "2026-Q4")],
            dashboard.Tasks.Select(t => (t.Number, t.SharePercent, t.FromQuarter, t.ToQuarter)));
        Assert.Equal("Monitorowanie procesu wdrożenia w JST przygotowanych lokalnych planów strategicznych", dashboard.Tasks[2].NamePl);
        Assert.StartsWith("Testowanie szkoleń i doradztwa dla kadry JST", dashboard.Tasks[1].NamePl, StringComparison.Ordinal);
        Assert.All(plan, p => Assert.InRange(p.Year, dashboard.Tasks[p.Task - 1].StartsOn.Year, dashboard.Tasks[p.Task - 1].EndsOn.Year));
        Assert.All(dashboard.Tasks, t => Assert.Equal(decimal.Round(6_000_000m * t.SharePercent / 100, 2), t.Planned.Amount));

        Assert.Equal(new BudgetDashboard.Money(6_000_000m, 4_951_200m, 1_048_800m), dashboard.Project.Budget);
        Assert.Equal(82.52m, dashboard.Project.EuSharePercent);
        Assert.Equal(dashboard.Project.Budget, dashboard.PlannedTotal);
        Assert.Equal([2023, 2024, 2025, 2026], dashboard.YearTotals.Select(y => y.Year));
        Assert.All(dashboard.YearTotals, y => Assert.Equal(1_500_000m, y.CardEstimate));
        Assert.Equal(6_000_000m, dashboard.YearTotals.Sum(y => y.Planned.Amount));
    }

    [Fact]
    public async Task Finance_books_spending_per_task_and_month_and_a_correction_keeps_who_entered_it_and_the_previous_state()
    {
        var (clerk, corrector) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var finance = service.Finance(clerk);

        var booked = await finance.BookAsync(
            Line(1, "2023-06", 10_000.00m, eu: 8_252.00m, national: 1_748.00m, document: "FV/2023/06/1", description: "Spotkanie ekspertów"),
            Line(1, "2023-09", 1_000.01m, document: "FV/2023/09/7"));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var lines = (await booked.Content.ReadFromJsonAsync<List<SpendingLineView>>(Ct))!;
        Assert.Equal([("2023-06", 10_000.00m, 8_252.00m, 1_748.00m), ("2023-09", 1_000.01m, 825.21m, 174.80m)],
            lines.Select(l => (l.Month, l.Amount, l.Eu, l.National)));
        Assert.All(lines, l => Assert.Equal(clerk, l.EnteredBy));
        var listed = await finance.GetFromJsonAsync<List<SpendingLineView>>($"{Spending}?task=1&year=2023", Ct);
        Assert.Equal(lines.Select(l => l.Id).Order(), listed!.Select(l => l.Id).Order());
        var dashboard = await service.Operator().DashboardAsync();
        Assert.Equal(new BudgetDashboard.Money(11_000.01m, 9_077.21m, 1_922.80m), dashboard.Years.Single(y => (y.Task, y.Year) == (1, 2023)).Spent);

        var corrected = await service.Finance(corrector).PutAsJsonAsync($"{Spending}/{lines[1].Id}",
            Line(1, "2023-10", 2_000.00m, eu: 1_650.40m, national: 349.60m, document: "FV/2023/10/7", description: "Korekta"), Ct);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var line = (await corrected.Content.ReadFromJsonAsync<SpendingLineView>(Ct))!;
        Assert.Equal(("2023-10", 2_000.00m, clerk, corrector), (line.Month, line.Amount, line.EnteredBy, line.CorrectedBy));
        Assert.NotNull(line.CorrectedAt);
        var history = await service.QueryAsync<(DateTime Month, decimal Amount, string Document, Guid WrittenBy, Guid ReplacedBy)>(
            "SELECT month, amount, document, written_by, replaced_by FROM budget_spending_history WHERE spending_id = @id", new { id = line.Id });
        Assert.Equal((new DateTime(2023, 9, 1), 1_000.01m, "FV/2023/09/7", clerk, corrector), Assert.Single(history));
        Assert.Equal(12_000.00m, (await service.Operator().DashboardAsync()).Spent(1, 2023));
    }

    [Fact]
    public async Task Lines_that_are_wrong_or_take_a_task_past_its_years_plan_are_refused_by_name_and_nothing_is_written()
    {
        var finance = service.Finance();
        var before = await service.ContentsAsync();

        var wrong = await finance.BookAsync(
            Line(5, "2024-05", 100m),
            Line(1, "2024-07", 100m),
            Line(3, "2024-05", 100m),
            Line(2, "2024-13", 0m),
            Line(2, "2024-05", -5m),
            Line(2, "2024-05", 100m, eu: 90m, national: 20m),
            Line(2, "2024-05", 100.001m),
            Line(2, "2024-05", 100m, document: " "));
        // Task 3's plan for 2025 is 200 000 zł: the first line fits, the second would take it 10 000,00 zł over.
        var overPlan = await finance.BookAsync(Line(3, "2025-08", 150_000m, document: "FV/1"), Line(3, "2025-12", 60_000m, document: "FV/2"));
        var correction = await finance.PutAsJsonAsync($"{Spending}/{Guid.CreateVersion7()}", Line(3, "2025-08", 1m), Ct);
        var none = await finance.BookAsync();

        var errors = await wrong.ErrorsAsync();
        Assert.Equal(["lines[0].task", "lines[1].month", "lines[2].month", "lines[3].amount", "lines[3].month", "lines[4].amount",
            "lines[5].eu", "lines[6].amount", "lines[7].document"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Nieznane zadanie 5", errors["lines[0].task"][0], StringComparison.Ordinal);
        Assert.Contains("2023-05 – 2024-06", errors["lines[1].month"][0], StringComparison.Ordinal);
        var over = await overPlan.ErrorsAsync();
        Assert.Equal(["lines[1].amount"], over.Keys);
        Assert.Contains("zadania 3 w 2025 r.", over["lines[1].amount"][0], StringComparison.Ordinal);
        Assert.Contains("10 000,00 zł", over["lines[1].amount"][0].Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, correction.StatusCode);
        Assert.Equal(["lines"], (await none.ErrorsAsync()).Keys);
        Assert.Equal(before, await service.ContentsAsync());

        // Within the plan it is booked; then a correction that would take the year past the plan is refused, the line unchanged.
        var fits = await finance.BookAsync(Line(3, "2025-08", 150_000m, document: "FV/1"), Line(3, "2025-12", 50_000m, document: "FV/2"));
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var second = (await fits.Content.ReadFromJsonAsync<List<SpendingLineView>>(Ct))!.Single(l => l.Amount == 50_000m);
        var beforeCorrection = await service.ContentsAsync();
        var raised = await finance.PutAsJsonAsync($"{Spending}/{second.Id}", Line(3, "2025-12", 50_000.01m, document: "FV/2"), Ct);
        Assert.Equal(["amount"], (await raised.ErrorsAsync()).Keys);
        Assert.Equal(beforeCorrection, await service.ContentsAsync());
        Assert.Equal(200_000m, (await service.Operator().DashboardAsync()).Spent(3, 2025));
    }

    [Fact]
    public async Task ORE_staff_read_the_dashboard_but_only_finance_staff_book_and_no_JST_or_partner_sees_the_budget()
    {
        var finance = service.Finance();
        var ore = service.Operator();
        var team = service.Team("9910011", "jst-member");
        var partner = service.Partner();

        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync(Dashboard, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ore.GetAsync(Dashboard, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ore.GetAsync($"{Api}/report?format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync(Spending, Ct)).StatusCode);
        var before = await service.ContentsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await ore.BookAsync(Line(4, "2026-01", 10m))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ore.GetAsync(Spending, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ore.PreviewAsync("4;2026-01;10;;;FV")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.BookAsync(Line(4, "2026-01", 10m))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync(Dashboard, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"{Api}/report?format=xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Dashboard, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(Dashboard, Ct)).StatusCode);
        Assert.Equal(before, await service.ContentsAsync());
    }

    [Fact]
    public async Task The_report_for_the_ministry_is_a_real_workbook_and_PDF_with_the_plan_the_spending_and_the_indicators()
    {
        Assert.Equal(HttpStatusCode.Created, (await service.Finance().BookAsync(Line(4, "2024-11", 12_345.67m, document: "FV/2024/11/3"))).StatusCode);
        var ore = service.Operator();

        var xlsx = await ore.GetAsync($"{Api}/report?format=xlsx", Ct);
        var pdf = await ore.GetAsync($"{Api}/report?format=pdf", Ct);
        var docx = await ore.GetAsync($"{Api}/report?format=docx", Ct);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(4, workbook.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
        var text = string.Concat(await Task.WhenAll(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEndAsync(Ct))));
        foreach (var expected in new[] { "12345.67", "6000000.00", "4951200.00", "1500000.00", "Testowanie szkoleń i doradztwa", "2025-Q3",
                     "Liczba przedstawicieli kadr JST objętych wsparciem", "105" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var pdfText = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
        foreach (var expected in new[] { "Budżet", "6 000 000,00", "4 951 200,00", "12345.67", "Monitorowanie" })
        {
            Assert.Contains(expected, pdfText, StringComparison.Ordinal);
        }
        Assert.Equal(["format"], (await docx.ErrorsAsync()).Keys);
    }

    [Fact]
    public async Task The_dashboard_gives_the_cards_indicators_against_their_targets_by_sex_and_todays_place_on_the_timeline()
    {
        var dashboard = await service.Operator().DashboardAsync();

        Assert.Equal(["people-supported", "competences-raised", "jst-advised"], dashboard.Indicators.Select(i => i.Code));
        var supported = dashboard.Indicators[0];
        Assert.Equal((150, 105, 45), (supported.TargetTotal, supported.TargetWomen, supported.TargetMen));
        Assert.Equal((0, 0, 0), (supported.Value, supported.Women, supported.Men));
        Assert.Equal(50, dashboard.Indicators[2].TargetTotal);
        Assert.Equal(DateOnly.FromDateTime(Cro.ServiceDefaults.WarsawTime.InWarsaw(service.Clock.GetUtcNow()).DateTime), dashboard.Today);
        Assert.All(dashboard.Tasks, t => Assert.Equal(dashboard.Today < t.StartsOn ? "planned" : dashboard.Today > t.EndsOn ? "ended" : "running", t.Stage));
    }
}
