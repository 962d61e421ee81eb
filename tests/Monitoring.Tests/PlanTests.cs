using System.Net;
using Cro.Monitoring.Features.Plans;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Responses;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The JST's strategic plan: started on the accepted diagnosis; its content saved whole, with every field's error named and
/// nothing written on a refusal, and a save over a newer revision refused; the advisor's comments resolved by the team before
/// adoption; adoption announced once; an amendment as a new version that leaves the adopted one readable and in force until
/// it is adopted itself; and the plan seen only by the JST's team, its advisor and ORE.
/// </summary>
public sealed class PlanTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_starts_on_the_accepted_diagnosis_once_per_JST_and_only_its_team_advisor_and_ORE_see_it()
    {
        await service.AddSchoolsAsync("9910011", 1);
        var early = await service.Team("9910011").PostAsync($"{Diagnoses.Api}/plans", null, Ct);
        var (team, _, plan) = await service.StartedPlanAsync("9910022");
        var twice = await team.PostAsync($"{Diagnoses.Api}/plans", null, Ct);

        Assert.Contains("akceptuje diagnozę", await ProblemAsync(early, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("ma już plan", await ProblemAsync(twice, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal((1, PlanStatus.Draft, 1), (plan.Current.Number, plan.Current.Status, plan.Current.Revision));
        Assert.Empty(plan.Current.Content.Priorities!);
        Assert.Equal(HttpStatusCode.OK, (await service.Advisor("9910022").GetAsync(Plan(plan.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Operator().GetAsync(Plan(plan.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Team("9910011").GetAsync(Plan(plan.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor("9910011").GetAsync(Plan(plan.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync(Plan(plan.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Team("9910011").SaveAsync(plan.Id, 1, Content(new(Guid.Empty, [Guid.Empty], [Guid.Empty])))).StatusCode);
        var listed = await service.Advisor("9910022").GetFromJsonAsync<List<GetPlan.PlanListItem>>($"{Diagnoses.Api}/plans", Ct);
        Assert.Equal([plan.Id], listed!.Select(p => p.Id));
    }

    [Fact]
    public async Task Content_is_saved_whole_with_ids_and_the_budget_by_year_and_source_and_a_save_over_a_newer_revision_is_409()
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync("9910033");

        var saved = await ReadAsync<PlanVersionView>(await team.SaveAsync(plan.Id, 1, Content(diagnosis)), HttpStatusCode.OK);
        var stale = await team.SaveAsync(plan.Id, 1, Content(diagnosis));

        Assert.Equal(2, saved.Revision);
        Assert.NotNull(saved.Content.Actions![0].Id);
        Assert.NotNull(saved.Content.Risks![0].Id);
        Assert.Equal([new PlanBudgetCell(2026, "fers", 100_000m), new PlanBudgetCell(2027, "jst", 50_000m)], saved.Budget);
        Assert.Equal(150_000m, saved.TotalBudget);
        Assert.Contains("wersję 2", await ProblemAsync(stale, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var read = await team.GetFromJsonAsync<PlanView>(Plan(plan.Id), Ct);
        Assert.Equal(saved.Content.Actions[0].Id, read!.Current.Content.Actions![0].Id);
    }

    [Fact]
    public async Task Bad_content_is_400_naming_each_field_and_writes_nothing()
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync("9910044");
        var other = await service.AcceptedDiagnosisAsync("9910055");
        var contents = await service.ContentsAsync();
        var priority = Guid.CreateVersion7();
        var bad = new
        {
            priorities = new[] { new { id = priority, title = "Sieć", findingIds = new[] { diagnosis.FindingIds[1], other.FindingIds[0] } } },
            goals = new[]
            {
                new { priorityId = (Guid?)priority, title = "Szybszy internet", indicator = "figure:bandwidth_per_pupil", unit = "Mb/s", baseline = (decimal?)null,
                    target = (decimal?)1m, targetDate = (DateOnly?)new DateOnly(2027, 12, 31) },
                new { priorityId = (Guid?)Guid.CreateVersion7(), title = "Wi-Fi", indicator = "Sale z Wi-Fi", unit = "%", baseline = (decimal?)40m,
                    target = (decimal?)100m, targetDate = (DateOnly?)new DateOnly(2027, 12, 31) },
            },
            actions = new[]
            {
                new
                {
                    priorityId = priority, title = "Światłowód", owner = "Referat inwestycji", schoolIds = new[] { other.SchoolIds[0] },
                    startsOn = new DateOnly(2027, 3, 1), endsOn = new DateOnly(2026, 12, 31), totalBudget = 90_000m,
                    budget = new[] { new { year = 2026, source = "jst", amount = 50_000m }, new { year = 2027, source = "grant", amount = 30_000m } },
                },
            },
        };

        var errors = await (await team.SaveAsync(plan.Id, 1, bad)).ErrorsAsync();

        Assert.Equal(
            ["actions[0].budget", "actions[0].budget[1].source", "actions[0].endsOn", "goals[0].baseline", "goals[1].priorityId"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("sumują się do 80000 zł, a budżet całkowity to 90000 zł", errors["actions[0].budget"][0], StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());

        // With the form right, what lies outside the plan is checked: the other JST's finding and school.
        var outside = Content(diagnosis with { FindingIds = [other.FindingIds[0]], SchoolIds = [other.SchoolIds[0]] });
        var foreign = await (await team.SaveAsync(plan.Id, 1, outside)).ErrorsAsync();
        Assert.Equal(["actions[0].schoolIds[0]", "priorities[0].findingIds[0]"], foreign.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(contents, await service.ContentsAsync());
    }

    [Fact]
    public async Task The_advisor_comments_the_team_resolves_then_the_council_adopts_and_an_amendment_keeps_the_adopted_version_readable()
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync("9910066");
        var advisor = service.Advisor("9910066");
        var saved = await ReadAsync<PlanVersionView>(await team.SaveAsync(plan.Id, 1, Content(diagnosis)), HttpStatusCode.OK);
        var action = saved.Content.Actions![0].Id;

        var comment = await ReadAsync<PlanComments.CommentView>(await advisor.PostAsJsonAsync($"{Plan(plan.Id)}/comments",
            new { itemId = action, text = "Dodajcie szkolenie nauczycieli do zakupu laptopów." }, Ct), HttpStatusCode.Created);
        var unknownItem = await advisor.PostAsJsonAsync($"{Plan(plan.Id)}/comments", new { itemId = Guid.CreateVersion7(), text = "?" }, Ct);
        var draftAdoption = await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-11-30" }, Ct);
        await team.ConsultedAsync(plan.Id);
        var withOpenComment = await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-11-30" }, Ct);
        var resolved = await ReadAsync<PlanComments.CommentView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/comments/{comment.Id}/resolve",
            new { resolution = "Dodano szkolenie w działaniu." }, Ct), HttpStatusCode.OK);
        var adopted = await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt",
            new { adoptedOn = "2026-11-30", resolutionNumber = "XII/123/2026" }, Ct), HttpStatusCode.OK);

        Assert.Equal(["itemId"], (await unknownItem.ErrorsAsync()).Keys);
        Assert.Contains("w przygotowaniu", await ProblemAsync(draftAdoption, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("rozstrzygnięcia uwag doradcy (1)", await ProblemAsync(withOpenComment, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal("Dodano szkolenie w działaniu.", resolved.Resolution);
        Assert.Equal((PlanStatus.Adopted, (DateOnly?)new DateOnly(2026, 11, 30), "XII/123/2026"),
            (adopted.Current.Status, adopted.Current.AdoptedOn, adopted.Current.ResolutionNumber));
        var announced = Assert.Single(await service.EventsAsync(nameof(PlanAdopted), e => e.GetProperty("planId").GetGuid() == plan.Id));
        Assert.Equal(150_000m, announced.GetProperty("totalBudget").GetDecimal());

        // Adopted, the content stays; an amendment is a new version.
        Assert.Contains("przyjęta", await ProblemAsync(await team.SaveAsync(plan.Id, 2, Content(diagnosis)), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PostAsJsonAsync($"{Plan(plan.Id)}/comments", new { text = "Późna uwaga" }, Ct)).StatusCode);
        Assert.Equal(["reason"], (await (await team.PostAsJsonAsync($"{Plan(plan.Id)}/amendments", new { reason = "" }, Ct)).ErrorsAsync()).Keys);
        var amended = await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/amendments",
            new { reason = "Nowy nabór FEnIKS pozwala sfinansować światłowód." }, Ct), HttpStatusCode.Created);
        Assert.Equal((2, PlanStatus.Draft), (amended.Current.Number, amended.Current.Status));
        Assert.Equal(saved.Content.Actions[0].Id, amended.Current.Content.Actions![0].Id);
        Assert.Equal([PlanStatus.Adopted, PlanStatus.Draft], amended.Versions.Select(v => v.Status));

        var changed = await ReadAsync<PlanVersionView>(await team.SaveAsync(plan.Id, amended.Current.Revision, Content(diagnosis)), HttpStatusCode.OK);
        await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-12-01" }, Ct), HttpStatusCode.OK);
        var first = await advisor.GetFromJsonAsync<PlanVersionView>($"{Plan(plan.Id)}/versions/1", Ct);
        Assert.Equal((PlanStatus.Superseded, saved.Content.Actions[0].Id), (first!.Status, first.Content.Actions![0].Id));
        Assert.NotEqual(first.Content.Actions[0].Id, changed.Content.Actions![0].Id);
        var second = Assert.Single(await service.EventsAsync(nameof(PlanAdopted), e => e.GetProperty("planId").GetGuid() == plan.Id
            && e.GetProperty("version").GetInt32() == 2));
        Assert.Equal("Nowy nabór FEnIKS pozwala sfinansować światłowód.", second.GetProperty("amendmentReason").GetString());
        Assert.Single(await service.EventsAsync(nameof(PlanAmended), e => e.GetProperty("planId").GetGuid() == plan.Id));
    }
}
