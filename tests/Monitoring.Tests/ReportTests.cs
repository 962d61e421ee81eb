using System.Net;
using System.Net.Http.Headers;
using Cro.Monitoring.Features.Reports;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Reports;
using static Cro.Monitoring.Tests.Responses;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Implementation reports of an adopted plan: the periods there from the adoption's moment; the team's draft, submission
/// (every action and goal, 409 naming what is missing), the advisor's return with a comment and acceptance of the
/// resubmission, announced once per submission; bad input refused naming each field and writing nothing; evidence files;
/// the path from findings to results; and a JST's reports seen only by its team, its advisor and ORE.
/// </summary>
public sealed class ReportTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adopted 100 days ago: the first quarter is over, its report due in some three weeks; the second quarter runs.</summary>
    private Task<AdoptedPlan> AdoptedAsync(string terc) => service.AdoptedPlanAsync(terc, service.Today().AddDays(-100));

    [Fact]
    public async Task Adopting_the_first_version_makes_its_eight_reporting_periods_at_once_and_an_amendment_adds_none()
    {
        var adoptedOn = service.Today().AddDays(-100);
        var plan = await service.AdoptedPlanAsync("9920011", adoptedOn);

        var reports = await plan.Team.ReportsAsync(plan.PlanId);

        Assert.Equal(adoptedOn, reports.AdoptedOn);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], reports.Reports.Select(r => r.Number));
        Assert.Equal([.. Enumerable.Repeat("project", 4), .. Enumerable.Repeat("post-project", 4)], reports.Reports.Select(r => r.Phase));
        Assert.Equal([.. Enumerable.Repeat("advisor", 4), .. Enumerable.Repeat("ore", 4)], reports.Reports.Select(r => r.Reviewer));
        Assert.Equal(adoptedOn, reports.Reports[0].StartsOn);
        Assert.Equal(adoptedOn.AddMonths(3).AddDays(-1), reports.Reports[0].EndsOn);
        Assert.Equal(adoptedOn.AddYears(3).AddDays(-1), reports.Reports[^1].EndsOn);
        Assert.All(reports.Reports, r => Assert.Equal((r.EndsOn.AddDays(30), EndOfWarsawDay(r.EndsOn.AddDays(30))), (r.DueOn, r.DueAt)));
        Assert.All(reports.Reports, r => Assert.Equal(("draft", false, 0), (r.Status, r.Overdue, r.RemindersSent)));

        // An amendment adopted later is a new version of the same plan: its periods stay as they are.
        var amended = await plan.Team.PostAsJsonAsync($"{Plan(plan.PlanId)}/amendments", new { reason = "Nowe źródło finansowania." }, Ct);
        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plan.Team.PostAsJsonAsync($"{Plan(plan.PlanId)}/adopt", new { adoptedOn = service.Today() }, Ct)).StatusCode);
        Assert.Equal(reports.Reports.Select(r => (r.Id, r.DueAt)), (await plan.Team.ReportsAsync(plan.PlanId)).Reports.Select(r => (r.Id, r.DueAt)));
    }

    [Fact]
    public async Task The_team_drafts_and_submits_the_advisor_returns_it_with_a_comment_and_accepts_the_resubmission_each_submission_announced_once()
    {
        var plan = await AdoptedAsync("9920022");
        var advisor = service.Advisor("9920022");
        var first = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        var second = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[1];

        // A draft of the laptops alone is kept on the server, and cannot be submitted yet.
        var draft = await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(first.Id, 1, new
        {
            actions = new[] { new { actionId = plan.Laptops.Id, status = "in-progress", progress = 30, spent = 10_000m } },
        }), HttpStatusCode.OK);
        var incomplete = await ProblemAsync(await plan.Team.SubmitReportAsync(first.Id), HttpStatusCode.Conflict);
        Assert.Equal((2, "draft", 1), (draft.Revision, draft.Status, draft.PlanVersion));
        Assert.Equal([plan.Laptops.Id!.Value, plan.WiFi.Id!.Value], draft.PlanActions.Select(a => a.Id));
        Assert.Contains("„Wi-Fi w salach”", incomplete, StringComparison.Ordinal);
        Assert.Contains("„Mniej uczniów na komputer”, „Sale z Wi-Fi”", incomplete, StringComparison.Ordinal);
        Assert.Contains(plan.WiFi.Id!.Value.ToString(), incomplete, StringComparison.Ordinal);

        // Complete, it is submitted; the running quarter's report waits for the quarter's end.
        await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(first.Id, 2, Complete(plan)), HttpStatusCode.OK);
        var submitted = await ReadAsync<ReportView>(await plan.Team.SubmitReportAsync(first.Id), HttpStatusCode.OK);
        Assert.Equal(("submitted", 1, false), (submitted.Status, submitted.Round, submitted.Overdue));
        Assert.Contains("trwa do", await ProblemAsync(await plan.Team.SubmitReportAsync(second.Id), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("przesłane do oceny", await ProblemAsync(await plan.Team.SaveReportAsync(first.Id, 3, Complete(plan)), HttpStatusCode.Conflict),
            StringComparison.Ordinal);
        var announced = Assert.Single(await service.EventsAsync(nameof(ReportSubmitted), e => e.GetProperty("reportId").GetGuid() == first.Id));
        Assert.Equal((1, 1, false, 140_000m, 2, 1), (announced.GetProperty("period").GetInt32(), announced.GetProperty("round").GetInt32(),
            announced.GetProperty("late").GetBoolean(), announced.GetProperty("spent").GetDecimal(), announced.GetProperty("actions").GetInt32(),
            announced.GetProperty("actionsDone").GetInt32()));

        // The advisor returns it with a comment (which it needs); another JST's advisor does not find it.
        Assert.Equal(["comment"], (await (await advisor.PostAsJsonAsync($"{Report(first.Id)}/return", new { comment = " " }, Ct)).ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor("9920099").PostAsync($"{Report(first.Id)}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plan.Team.PostAsync($"{Report(first.Id)}/accept", null, Ct)).StatusCode);
        var returned = await ReadAsync<ReportView>(await advisor.PostAsJsonAsync($"{Report(first.Id)}/return",
            new { comment = "Dołączcie protokół odbioru Wi-Fi." }, Ct), HttpStatusCode.OK);
        Assert.Equal("returned", returned.Status);
        Assert.Equal(("returned", "Dołączcie protokół odbioru Wi-Fi."), (returned.History[^1].Action, returned.History[^1].Text));
        Assert.Contains("zwrócone", await ProblemAsync(await advisor.PostAsync($"{Report(first.Id)}/accept", null, Ct), HttpStatusCode.Conflict),
            StringComparison.Ordinal);

        // The team changes and resubmits; the advisor accepts.
        var seen = await plan.Team.ReportAsync(first.Id);
        await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(first.Id, seen.Revision, Complete(plan, laptopsProgress: 45)), HttpStatusCode.OK);
        Assert.Equal(2, (await ReadAsync<ReportView>(await plan.Team.SubmitReportAsync(first.Id), HttpStatusCode.OK)).Round);
        var accepted = await ReadAsync<ReportView>(await advisor.PostAsync($"{Report(first.Id)}/accept", null, Ct), HttpStatusCode.OK);

        Assert.Equal(("accepted", 45), (accepted.Status, accepted.Content.Actions![0].Progress));
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], accepted.History.Select(h => h.Action));
        Assert.Equal([1, 2], (await service.EventsAsync(nameof(ReportSubmitted), e => e.GetProperty("reportId").GetGuid() == first.Id))
            .Select(e => e.GetProperty("round").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PostAsync($"{Report(first.Id)}/accept", null, Ct)).StatusCode);
        Assert.Equal("accepted", (await service.Operator().ReportsAsync(plan.PlanId)).Reports[0].Status);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_each_field_or_409_naming_what_is_missing_and_writes_nothing()
    {
        var plan = await AdoptedAsync("9920033");
        var other = await AdoptedAsync("9920044");
        var report = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        var contents = await service.ContentsAsync();

        var form = await (await plan.Team.SaveReportAsync(report.Id, 1, new
        {
            actions = new object[]
            {
                new { actionId = plan.Laptops.Id, status = "abandoned", progress = 120, spent = -5m },
                new { actionId = plan.WiFi.Id, status = "done", progress = 50, spent = 100m, spentBySource = new[] { new { source = "jst", amount = 60m } },
                    evidenceUrl = "ftp://gmina.example.pl/protokol.pdf" },
                new { actionId = plan.WiFi.Id, status = "started", progress = 0, spent = 0m },
            },
            goals = new[] { new { goalId = plan.RoomsWithWiFi.Id, value = (decimal?)null } },
        })).ErrorsAsync();
        Assert.Equal(
        [
            "actions[0].abandonReason", "actions[0].progress", "actions[0].spent", "actions[1].evidenceUrl", "actions[1].progress",
            "actions[1].spentBySource", "actions[2].actionId", "actions[2].status", "goals[0].value",
        ], form.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("sumują się do 60 zł, a wydatki w okresie to 100 zł", form["actions[1].spentBySource"][0], StringComparison.Ordinal);
        Assert.Contains("zaniechano", form["actions[0].abandonReason"][0], StringComparison.Ordinal);

        // With the form right, what is not the plan's is named: another JST's action and goal, a file never uploaded.
        var foreign = await (await plan.Team.SaveReportAsync(report.Id, 1, new
        {
            actions = new object[]
            {
                new { actionId = other.Laptops.Id, status = "not-started", progress = 0, spent = 0m },
                new { actionId = plan.WiFi.Id, status = "in-progress", progress = 10, spent = 0m, evidenceFileIds = new[] { Guid.CreateVersion7() } },
            },
            goals = new[] { new { goalId = other.RoomsWithWiFi.Id, value = 50m } },
        })).ErrorsAsync();
        Assert.Equal(["actions[0].actionId", "actions[1].evidenceFileIds[0]", "goals[0].goalId"], foreign.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"nie ma działania {other.Laptops.Id}", foreign["actions[0].actionId"][0], StringComparison.Ordinal);

        var missing = await ProblemAsync(await plan.Team.SubmitReportAsync(report.Id), HttpStatusCode.Conflict);
        Assert.Contains("„Zakup laptopów”, „Wi-Fi w salach”", missing, StringComparison.Ordinal);
        Assert.Contains("zmieniło się", await ProblemAsync(await plan.Team.SaveReportAsync(report.Id, 7, Complete(plan)), HttpStatusCode.Conflict),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Team.SaveReportAsync(report.Id, 1, Complete(plan))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Team.SubmitReportAsync(report.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Operator().PostAsJsonAsync($"{Report(report.Id)}/return", new { comment = "?" }, Ct)).StatusCode);
        Assert.Equal(["dueOn"], (await (await service.Operator().PutAsJsonAsync($"{Report(report.Id)}/due-date",
            new { dueOn = report.EndsOn.AddDays(-1) }, Ct)).ErrorsAsync()).Keys);
        Assert.Equal(contents, await service.ContentsAsync());
    }

    [Fact]
    public async Task A_JSTs_reports_are_seen_only_by_its_team_its_advisor_and_ORE()
    {
        var plan = await AdoptedAsync("9920055");
        await service.AdoptedPlanAsync("9920066", service.Today().AddDays(-100));
        var report = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        var (otherTeam, otherAdvisor) = (service.Team("9920066"), service.Advisor("9920066"));

        Assert.Equal(HttpStatusCode.OK, (await service.Advisor("9920055").GetAsync(Report(report.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Operator().GetAsync(Report(report.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Team("9920055", "jst-member").GetAsync($"{Plan(plan.PlanId)}/timeline", Ct)).StatusCode);
        foreach (var path in new[] { Report(report.Id), $"{Plan(plan.PlanId)}/reports", $"{Plan(plan.PlanId)}/timeline" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherTeam.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdvisor.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync(path, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await plan.Team.GetAsync($"{Diagnoses.Api}/reports/overdue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Advisor("9920055").GetAsync($"{Diagnoses.Api}/reports/overdue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plan.Team.PutAsJsonAsync($"{Report(report.Id)}/due-date", new { dueOn = report.DueOn }, Ct)).StatusCode);

        // Submitted, it is the advisor's to review: not another JST's advisor's, and after the project ORE's alone.
        await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(report.Id, 1, Complete(plan)), HttpStatusCode.OK);
        await ReadAsync<ReportView>(await plan.Team.SubmitReportAsync(report.Id), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvisor.PostAsync($"{Report(report.Id)}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvisor.PostAsJsonAsync($"{Report(report.Id)}/return", new { comment = "Nie moje." }, Ct)).StatusCode);
        await service.QueryAsync<int>("UPDATE reports SET phase = 'post-project' WHERE id = @Id; SELECT 1;", new { report.Id });
        Assert.Contains("ocenia ORE", await ProblemAsync(await service.Advisor("9920055").PostAsync($"{Report(report.Id)}/accept", null, Ct),
            HttpStatusCode.Forbidden), StringComparison.Ordinal);
        Assert.Equal("accepted", (await ReadAsync<ReportView>(await service.Operator().PostAsync($"{Report(report.Id)}/accept", null, Ct), HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task Evidence_is_a_link_or_an_uploaded_file_named_by_the_actions_entry_and_downloaded_by_the_advisor()
    {
        var plan = await AdoptedAsync("9920077");
        var report = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        HttpContent Upload(byte[] bytes, string name, Guid? actionId)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            form.Add(new StringContent(actionId?.ToString() ?? ""), "actionId");
            return form;
        }

        var uploaded = await ReadAsync<EvidenceFile>(await plan.Team.PostAsync($"{Report(report.Id)}/evidence", Upload(png, "sala-12.png", plan.WiFi.Id), Ct),
            HttpStatusCode.Created);
        var noAction = await plan.Team.PostAsync($"{Report(report.Id)}/evidence", Upload(png, "sala.png", Guid.CreateVersion7()), Ct);
        var notAPicture = await plan.Team.PostAsync($"{Report(report.Id)}/evidence", Upload("tekst"u8.ToArray(), "notatka.png", plan.WiFi.Id), Ct);
        var saved = await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(report.Id, 1, new
        {
            actions = new object[]
            {
                new { actionId = plan.WiFi.Id, status = "done", progress = 100, spent = 80_000m, evidenceFileIds = new[] { uploaded.Id } },
                new { actionId = plan.Laptops.Id, status = "delayed", progress = 20, spent = 0m, evidenceUrl = "https://bip.gmina.example.pl/przetarg/7" },
            },
        }), HttpStatusCode.OK);
        // A file is evidence of the action it was uploaded for only.
        var elsewhere = await (await plan.Team.SaveReportAsync(report.Id, 2, new
        {
            actions = new[] { new { actionId = plan.Laptops.Id, status = "delayed", progress = 20, spent = 0m, evidenceFileIds = new[] { uploaded.Id } } },
        })).ErrorsAsync();

        Assert.Equal((plan.WiFi.Id, "sala-12.png", "image/png", 12L), (uploaded.ActionId, uploaded.FileName, uploaded.ContentType, uploaded.SizeBytes));
        Assert.Equal(["actionId"], (await noAction.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAPicture.StatusCode);
        Assert.Equal([uploaded.Id], saved.Evidence.Select(e => e.Id));
        Assert.Equal(["actions[0].evidenceFileIds[0]"], elsewhere.Keys);
        var download = await service.Advisor("9920077").GetAsync($"{Report(report.Id)}/evidence/{uploaded.Id}", Ct);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await service.Team("9920011").GetAsync($"{Report(report.Id)}/evidence/{uploaded.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_timeline_leads_from_a_finding_to_its_priority_action_and_goal_and_their_reported_values_and_back()
    {
        var plan = await AdoptedAsync("9920088");
        var report = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        await ReadAsync<ReportView>(await plan.Team.SaveReportAsync(report.Id, 1, Complete(plan, laptopsProgress: 40, pupilsPerComputer: 8.2m)), HttpStatusCode.OK);
        var beforeSubmission = await service.Advisor("9920088").GetFromJsonAsync<PlanTimeline.Timeline>($"{Plan(plan.PlanId)}/timeline", Ct);
        await ReadAsync<ReportView>(await plan.Team.SubmitReportAsync(report.Id), HttpStatusCode.OK);

        var timeline = (await service.Advisor("9920088").GetFromJsonAsync<PlanTimeline.Timeline>($"{Plan(plan.PlanId)}/timeline", Ct))!;

        // Forward: the first finding → the devices priority → the laptops and its goal → what the first quarter's report says.
        var finding = timeline.Findings.Single(f => f.Id == plan.Diagnosis.FindingIds[0]);
        var priority = timeline.Priorities.Single(p => p.Id == Assert.Single(finding.PriorityIds));
        var action = timeline.Actions.Single(a => a.Id == Assert.Single(priority.ActionIds));
        var goal = timeline.Goals.Single(g => g.Id == Assert.Single(priority.GoalIds));
        Assert.Equal((plan.Devices.Id, plan.Laptops.Id, plan.PupilsPerComputer.Id), (priority.Id, action.Id, goal.Id));
        Assert.Equal(new PlanTimeline.TimelineActionProgress(report.Id, 1, "submitted", "in-progress", 40, 60_000m), Assert.Single(action.Reported));
        Assert.Equal(new PlanTimeline.TimelineGoalValue(report.Id, 1, "submitted", 8.2m), Assert.Single(goal.Reported));
        // Back: the goal's action, the action's priority, the priority's finding.
        Assert.Equal([action.Id], goal.ActionIds);
        Assert.Equal(priority.Id, action.PriorityId);
        Assert.Equal([goal.Id], action.GoalIds);
        Assert.Equal([finding.Id], priority.FindingIds);
        Assert.True(action.InForce);
        Assert.Equal((1, 8), (timeline.VersionInForce, timeline.Periods.Count));
        Assert.Equal(["submitted", .. Enumerable.Repeat("draft", 7)], timeline.Periods.Select(p => p.Status));
        // A draft is not yet reported.
        Assert.Empty(beforeSubmission!.Actions.SelectMany(a => a.Reported));

        // The path ends in a good practice the catalogue published on the laptops: the action names it and it names the action.
        var practiceId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new GoodPracticePublished
        {
            PracticeId = practiceId, JstTerc = "9920088", JstName = "Gmina 9920088", JstKind = "rural-municipality", VoivodeshipTerc = "99",
            Title = "Laptopy dla uczniów w 4 tygodnie", Version = 1, Topics = ["infrastructure"], TotalCost = 150_000, Authors = [],
            PracticeUrl = new Uri($"https://cro.example.pl/dobre-praktyki/{practiceId}"), PublishedAt = DateTimeOffset.UtcNow,
            PlanId = plan.PlanId, PlanActionIds = [plan.Laptops.Id!.Value],
        });
        var withPractice = await Eventually.GetAsync(
            async () => (await service.Advisor("9920088").GetFromJsonAsync<PlanTimeline.Timeline>($"{Plan(plan.PlanId)}/timeline", Ct))!,
            t => t.Practices.Count == 1, what: "the practice on the path");
        var practice = Assert.Single(withPractice.Practices);
        Assert.Equal((practiceId, "Laptopy dla uczniów w 4 tygodnie"), (practice.Id, practice.Title));
        Assert.Equal([plan.Laptops.Id!.Value], practice.ActionIds);
        Assert.Equal([practiceId], withPractice.Actions.Single(a => a.Id == plan.Laptops.Id).PracticeIds);
        Assert.Empty(withPractice.Actions.Single(a => a.Id == plan.WiFi.Id).PracticeIds);

        // Anyone reading the practice sees its action of the adopted plan with what was reported, and the goal it serves; nothing else of the plan.
        var anyone = service.Anonymous;
        var results = (await anyone.GetFromJsonAsync<PracticeResults.Results>($"/api/monitoring/public/practices/{practiceId}/results", Ct))!;
        var laptops = Assert.Single(results.Actions);
        Assert.Equal((plan.PlanId, "9920088", 1, plan.Laptops.Id!.Value), (results.PlanId, results.JstTerc, results.VersionInForce, laptops.Id));
        Assert.Equal(new PlanTimeline.TimelineActionProgress(report.Id, 1, "submitted", "in-progress", 40, 60_000m), Assert.Single(laptops.Reported));
        Assert.Equal(plan.PupilsPerComputer.Id, Assert.Single(results.Goals).Id);
        // A practice the catalogue does not know, or one naming no actions, has no results to show.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/monitoring/public/practices/{Guid.CreateVersion7()}/results", Ct)).StatusCode);
        var withoutPlan = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new GoodPracticePublished
        {
            PracticeId = withoutPlan, JstTerc = "9920088", JstName = "Gmina 9920088", JstKind = "rural-municipality", VoivodeshipTerc = "99",
            Title = "Lekcje z robotami", Version = 1, Topics = ["teaching"], TotalCost = 0, Authors = [],
            PracticeUrl = new Uri($"https://cro.example.pl/dobre-praktyki/{withoutPlan}"), PublishedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT practice_id FROM published_practices WHERE practice_id = @withoutPlan", new { withoutPlan }),
            rows => rows.Count == 1, what: "the practice without a plan");
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/monitoring/public/practices/{withoutPlan}/results", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_practice_shows_no_results_of_a_plan_not_adopted_or_of_another_JST()
    {
        var plan = await AdoptedAsync("9920089");
        var (_, _, draft) = await service.StartedPlanAsync("9920091");
        var practiceId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new GoodPracticePublished
        {
            PracticeId = practiceId, JstTerc = "9920089", JstName = "Gmina 9920089", JstKind = "rural-municipality", VoivodeshipTerc = "99",
            Title = "Plan innej gminy", Version = 1, Topics = ["infrastructure"], TotalCost = 0, Authors = [],
            PracticeUrl = new Uri($"https://cro.example.pl/dobre-praktyki/{practiceId}"), PublishedAt = DateTimeOffset.UtcNow,
            // A plan of another JST: the practice cannot show it.
            PlanId = (await AdoptedAsync("9920090")).PlanId, PlanActionIds = [plan.Laptops.Id!.Value],
        });
        var onDraft = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new GoodPracticePublished
        {
            PracticeId = onDraft, JstTerc = "9920091", JstName = "Gmina 9920091", JstKind = "rural-municipality", VoivodeshipTerc = "99",
            Title = "Plan w przygotowaniu", Version = 1, Topics = ["infrastructure"], TotalCost = 0, Authors = [],
            PracticeUrl = new Uri($"https://cro.example.pl/dobre-praktyki/{onDraft}"), PublishedAt = DateTimeOffset.UtcNow,
            PlanId = draft.Id, PlanActionIds = [Guid.CreateVersion7()],
        });
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT practice_id FROM published_practices WHERE practice_id = ANY (@ids)",
            new { ids = new[] { practiceId, onDraft } }), rows => rows.Count == 2, what: "the practices");
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/monitoring/public/practices/{practiceId}/results", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/monitoring/public/practices/{onDraft}/results", Ct)).StatusCode);
    }
}
