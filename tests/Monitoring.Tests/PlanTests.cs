using System.Net;
using System.Net.Http.Headers;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Plans.Consultation;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Responses;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The JST's strategic plan: started on the accepted diagnosis; its content saved whole, with every field's error named and
/// nothing written on a refusal, and a save over a newer revision refused; the advisor's comments resolved by the team before
/// adoption; adoption announced once; an amendment as a new version that leaves the adopted one readable and in force until
/// it is adopted itself; the council resolution's PDF attached to an adopted version; and the plan seen only by the JST's
/// team, its advisor and ORE.
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

    [Fact]
    public async Task The_council_resolution_PDF_is_attached_to_an_adopted_version_replaced_by_a_new_one_and_read_by_its_parties_and_the_public()
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync("9910077");
        await ReadAsync<PlanVersionView>(await team.SaveAsync(plan.Id, 1, Content(diagnosis)), HttpStatusCode.OK);
        byte[] pdf = [.. "%PDF-1.4\n% Uchwała nr XV/101/2026\n%%EOF\n"u8], corrected = [.. "%PDF-1.7\n% Uchwała nr XV/101/2026 z podpisem\n%%EOF\n"u8];
        var resolution = $"{Plan(plan.Id)}/versions/1/resolution";
        var onDraft = await team.PostAsync(resolution, Pdf(pdf, "uchwala.pdf"), Ct);
        await team.ConsultedAsync(plan.Id);
        await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-11-30", resolutionNumber = "XV/101/2026" }, Ct),
            HttpStatusCode.OK);
        var contents = await service.ContentsAsync();

        var notAPdf = await team.PostAsync(resolution, Pdf([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], "uchwala.pdf"), Ct);
        var misnamed = await team.PostAsync(resolution, Pdf(pdf, "uchwala.docx"), Ct);
        var empty = await team.PostAsync(resolution, Pdf([], "uchwala.pdf"), Ct);
        var notAForm = await team.PostAsJsonAsync(resolution, new { file = "uchwala.pdf" }, Ct);
        var noSuchVersion = await team.PostAsync($"{Plan(plan.Id)}/versions/3/resolution", Pdf(pdf, "uchwala.pdf"), Ct);
        var anotherTeam = await service.Team("9910011").PostAsync(resolution, Pdf(pdf, "uchwala.pdf"), Ct);
        var advisorUpload = await service.Advisor("9910077").PostAsync(resolution, Pdf(pdf, "uchwala.pdf"), Ct);
        var nothingYet = await team.GetAsync(resolution, Ct);

        Assert.Contains("w przygotowaniu", await ProblemAsync(onDraft, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("nie jest plikiem PDF", await ProblemAsync(notAPdf, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Contains(".pdf", await ProblemAsync(misnamed, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Equal(["file"], (await empty.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anotherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, advisorUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nothingYet.StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());

        // Attached, then replaced by a corrected scan: the version names the file it has now.
        var first = await ReadAsync<PlanResolutionFile>(await team.PostAsync(resolution, Pdf(pdf, "uchwala.pdf"), Ct), HttpStatusCode.OK);
        var replaced = await ReadAsync<PlanResolutionFile>(await team.PostAsync(resolution, Pdf(corrected, "C:\\Skany\\Uchwała XV-101-2026.PDF"), Ct),
            HttpStatusCode.OK);
        var seen = await service.Advisor("9910077").GetFromJsonAsync<PlanView>(Plan(plan.Id), Ct);

        Assert.Equal(("uchwala.pdf", (long)pdf.Length), (first.FileName, first.SizeBytes));
        Assert.Equal(("Uchwała XV-101-2026.PDF", (long)corrected.Length), (replaced.FileName, replaced.SizeBytes));
        Assert.Equal(replaced, seen!.Current.Resolution);
        Assert.Equal(replaced, Assert.Single(seen.Versions).Resolution);
        Assert.Equal(1, Assert.Single(await service.QueryAsync<int>("SELECT count(*)::int FROM plan_resolutions")));

        // The team, its advisor and ORE download it; another JST's team and advisor find nothing, a trainer is refused.
        foreach (var reader in new[] { team, service.Advisor("9910077"), service.Operator() })
        {
            var download = await reader.GetAsync(resolution, Ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(corrected, await download.Content.ReadAsByteArrayAsync(Ct));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await service.Team("9910011").GetAsync(resolution, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor("9910011").GetAsync(resolution, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync(resolution, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(resolution, Ct)).StatusCode);

        // Public with the resolution log, as the adopted plan is.
        var published = await service.Client.GetAsync($"{Diagnoses.Api}/public/plans/9910077/versions/1/resolution", Ct);
        var log = await ReadAsync<ConsultationLog.ConsultationLogView>(await service.Client.GetAsync($"{Diagnoses.Api}/public/plans/9910077/consultations", Ct),
            HttpStatusCode.OK);
        Assert.Equal(corrected, await published.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(new ConsultationLog.PublishedAdoption(1, new DateOnly(2026, 11, 30), "XV/101/2026", replaced), Assert.Single(log.Adoptions));
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"{Diagnoses.Api}/public/plans/9910011/versions/1/resolution", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"{Diagnoses.Api}/public/plans/9910077/versions/2/resolution", Ct)).StatusCode);

        // An amendment being written takes none; the version it superseded still does.
        await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/amendments", new { reason = "Nowe źródło finansowania." }, Ct), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsync($"{Plan(plan.Id)}/versions/2/resolution", Pdf(pdf, "uchwala.pdf"), Ct)).StatusCode);
        await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn = "2026-12-01" }, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync(resolution, Pdf(pdf, "uchwala.pdf"), Ct)).StatusCode);
        var superseded = await team.GetFromJsonAsync<PlanVersionView>($"{Plan(plan.Id)}/versions/1", Ct);
        Assert.Equal((PlanStatus.Superseded, "uchwala.pdf"), (superseded!.Status, superseded.Resolution?.FileName));
    }

    private static MultipartFormDataContent Pdf(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
