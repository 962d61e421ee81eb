using System.IO.Compression;
using System.Net;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.PlansOversight;
using Cro.Monitoring.Features.Reports;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Reports;

namespace Cro.Monitoring.Tests;

/// <summary>
/// ORE's overview of every JST's plan, which partners with monitoring.read read too: JST counted by their plan's state per
/// województwo (an adopted plan stays adopted while its amendment is written), money planned by the plans in force by year and
/// source; implementation as the latest reports say, with the money spent beside the money planned, and the reports overdue;
/// ORE's conclusions per period; and the ministry's report of both as XLSX and PDF.
/// </summary>
public sealed class PlansOverviewTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Overview = $"{Diagnoses.Api}/plans-overview";

    [Fact]
    public async Task JST_are_counted_by_their_plans_state_and_the_plans_in_force_sum_their_money_by_year_and_source()
    {
        // Województwo 98, which no other test uses: one adopted plan with an amendment under way, one draft.
        var (team, diagnosis, plan) = await service.StartedPlanAsync("9810011");
        var saved = await (await team.SaveAsync(plan.Id, 1, Plans.Content(diagnosis))).Content.ReadFromJsonAsync<PlanVersionView>(Ct);
        await service.QueryAsync<int>("UPDATE plan_versions SET status = 'revised' WHERE plan_id = @id; SELECT 1;", new { id = plan.Id });
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-11-30" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.PostAsJsonAsync($"{Plan(plan.Id)}/amendments", new { reason = "Nowe źródło finansowania." }, Ct)).StatusCode);
        await service.StartedPlanAsync("9810022");

        var overview = await service.Operator().GetFromJsonAsync<PlansOverview.Overview>(Overview, Ct);
        var partner = await service.ClientWith(TestTokens.Client("partner-monitoring", "monitoring.read")).GetAsync(Overview, Ct);
        var indicatorsOnly = await service.Partner().GetAsync(Overview, Ct);
        var aTeam = await team.GetAsync(Overview, Ct);

        var area = overview!.Voivodeships.Single(v => v.Code == "98");
        var states = area.States.ToDictionary(s => s.State, s => s.Jst);
        Assert.Equal((1, 1, 0), (states[PlanStatus.Adopted], states[PlanStatus.Draft], states[PlanStatus.Consultation]));
        Assert.Equal(150_000m, area.Planned);
        Assert.True(overview.Money.Single(m => (m.Year, m.Source) == (2026, "fers")).Planned >= 100_000m);
        Assert.True(overview.Money.Single(m => (m.Year, m.Source) == (2027, "jst")).Planned >= 50_000m);
        Assert.Equal(150_000m, saved!.TotalBudget);
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, indicatorsOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, aTeam.StatusCode);
    }

    [Fact]
    public async Task Implementation_progress_spending_beside_the_plan_and_overdue_reports_are_counted_per_voivodeship()
    {
        // Województwo 96, which no other test uses: one JST reported its first quarter, one let its first report go overdue.
        var reporting = await service.AdoptedPlanAsync("9610011", service.Today().AddDays(-100));
        await service.AdoptedPlanAsync("9610022", service.Today().AddDays(-200));
        var first = (await reporting.Team.ReportsAsync(reporting.PlanId)).Reports[0];
        Assert.Equal(HttpStatusCode.OK, (await reporting.Team.SaveReportAsync(first.Id, 1, Complete(reporting, laptopsProgress: 40))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporting.Team.SubmitReportAsync(first.Id)).StatusCode);

        var overview = (await service.Operator().GetFromJsonAsync<PlansOverview.Overview>(Overview, Ct))!;

        var area = overview.Voivodeships.Single(v => v.Code == "96");
        Assert.Equal(2, area.States.Single(s => s.State == PlanStatus.Adopted).Jst);
        Assert.Equal(1, area.Progress.JstReporting);
        var actions = area.Progress.Actions.ToDictionary(a => a.Status, a => a.Actions);
        Assert.Equal((1, 1, 0), (actions[ActionStatus.InProgress], actions[ActionStatus.Done], actions[ActionStatus.Delayed]));
        Assert.Equal(70m, area.Progress.AverageProgress); // (40 + 100) / 2
        Assert.Equal(1, area.OverdueReports);
        Assert.Equal((460_000m, 140_000m), (area.Planned, area.Spent));
        // Spending counts in the year the period ends: by the sources named, the rest as unspecified.
        var year = first.EndsOn.Year;
        Assert.True(overview.Money.Single(m => m.Year == year && m.Source == "fers").Spent >= 60_000m);
        Assert.True(overview.Money.Single(m => m.Year == year && m.Source == PlansOverview.UnspecifiedSource).Spent >= 80_000m);
        Assert.True(overview.OverdueReports >= 1 && overview.TotalSpent >= 140_000m);
    }

    [Fact]
    public async Task ORE_writes_conclusions_per_period_and_exports_them_with_the_figures_for_the_ministry()
    {
        var ore = service.Operator();
        var written = await ore.PutAsJsonAsync($"{Diagnoses.Api}/plan-conclusions/2026-Q4", new { text = "Większość JST przyjęła plany w terminie." }, Ct);
        var rewritten = await ore.PutAsJsonAsync($"{Diagnoses.Api}/plan-conclusions/2026-Q4", new { text = "Plany przyjęło 80% JST." }, Ct);
        var badPeriod = await ore.PutAsJsonAsync($"{Diagnoses.Api}/plan-conclusions/2026-Q5", new { text = "?" }, Ct);
        var byTeam = await service.Team("9810033").PutAsJsonAsync($"{Diagnoses.Api}/plan-conclusions/2026", new { text = "!" }, Ct);

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rewritten.StatusCode);
        Assert.Equal(["period"], (await badPeriod.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, byTeam.StatusCode);
        var all = await ore.GetFromJsonAsync<List<PlanConclusions.ConclusionsView>>($"{Diagnoses.Api}/plan-conclusions", Ct);
        Assert.Equal("Plany przyjęło 80% JST.", Assert.Single(all!).Text);

        var xlsx = await ore.GetAsync($"{Overview}/report?period=2026-Q4&format=xlsx", Ct);
        var pdf = await ore.GetAsync($"{Overview}/report?period=2026-Q4&format=pdf", Ct);
        var docx = await ore.GetAsync($"{Overview}/report?period=2026-Q4&format=docx", Ct);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(4, workbook.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
        var text = string.Concat(await Task.WhenAll(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEndAsync(Ct))));
        Assert.Contains("Plany przyjęło 80% JST.", text, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]), StringComparison.Ordinal);
        Assert.Equal(["format"], (await docx.ErrorsAsync()).Keys);
    }
}
