using System.IO.Compression;
using System.Net;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Plans.Overview;
using static Cro.Monitoring.Tests.Plans;

namespace Cro.Monitoring.Tests;

/// <summary>
/// ORE's overview of every JST's plan, which partners with monitoring.read read too: JST counted by their plan's state per
/// województwo (an adopted plan stays adopted while its amendment is written), money planned by the plans in force by year and
/// source; ORE's conclusions per period; and the ministry's report of both as XLSX and PDF.
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
        var saved = await (await team.SaveAsync(plan.Id, 1, Content(diagnosis))).Content.ReadFromJsonAsync<PlanVersionView>(Ct);
        await service.QueryAsync<int>("UPDATE plan_versions SET status = 'revised' WHERE plan_id = @id; SELECT 1;", new { id = plan.Id });
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-11-30" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.PostAsJsonAsync($"{Plan(plan.Id)}/amendments", new { reason = "Nowe źródło finansowania." }, Ct)).StatusCode);
        await service.StartedPlanAsync("9810022");

        var overview = await service.Operator().GetFromJsonAsync<PlansOverview.Overview>(Overview, Ct);
        var partner = await service.ClientWith(TestTokens.Client("partner-monitoring", "monitoring.read")).GetAsync(Overview, Ct);
        var indicatorsOnly = await service.Partner().GetAsync(Overview, Ct);
        var aTeam = await team.GetAsync(Overview, Ct);

        var states = overview!.Voivodeships.Single(v => v.Code == "98").States.ToDictionary(s => s.State, s => s.Jst);
        Assert.Equal((1, 1, 0), (states[PlanStatus.Adopted], states[PlanStatus.Draft], states[PlanStatus.Consultation]));
        Assert.Contains(new PlansOverview.Money(2026, "fers", 100_000m), overview.Planned);
        Assert.Contains(new PlansOverview.Money(2027, "jst", 50_000m), overview.Planned);
        Assert.Equal(150_000m, saved!.TotalBudget);
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, indicatorsOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, aTeam.StatusCode);
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
        Assert.Equal(3, workbook.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
        var text = string.Concat(await Task.WhenAll(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEndAsync(Ct))));
        Assert.Contains("Plany przyjęło 80% JST.", text, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]), StringComparison.Ordinal);
        Assert.Equal(["format"], (await docx.ErrorsAsync()).Keys);
    }
}
