using System.Net;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Reports;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Who reaches a JST's plan, its consultation and its reports, endpoint by endpoint: the JST's own team and advisor and ORE
/// do; another JST's team and another JST's advisor get 404 (the plan does not exist for them), a trainer 403, a caller
/// without a token 401 — and none of the refused calls writes anything.
/// </summary>
public sealed class PlanIsolationTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Call(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send);

    private static IReadOnlyList<Call> Reads(Guid plan, Guid report) =>
    [
        new("plan", c => c.GetAsync(Plan(plan), Ct)),
        new("version", c => c.GetAsync($"{Plan(plan)}/versions/1", Ct)),
        new("resolution", c => c.GetAsync($"{Plan(plan)}/versions/1/resolution", Ct)),
        new("comments", c => c.GetAsync($"{Plan(plan)}/comments", Ct)),
        new("reports", c => c.GetAsync($"{Plan(plan)}/reports", Ct)),
        new("timeline", c => c.GetAsync($"{Plan(plan)}/timeline", Ct)),
        new("consultations", c => c.GetAsync($"{Plan(plan)}/consultations", Ct)),
        new("report", c => c.GetAsync(Report(report), Ct)),
    ];

    private static IReadOnlyList<Call> TeamWrites(Guid plan, Guid report) =>
    [
        new("save plan", c => c.PutAsJsonAsync($"{Plan(plan)}/content?revision=1", new { priorities = Array.Empty<object>() }, Ct)),
        new("amend", c => c.PostAsJsonAsync($"{Plan(plan)}/amendments", new { reason = "Cudza zmiana." }, Ct)),
        new("attach resolution", c => c.PostAsync($"{Plan(plan)}/versions/1/resolution", ResolutionPdf(), Ct)),
        new("save report", c => c.PutAsJsonAsync($"{Report(report)}/content?revision=1", new { actions = Array.Empty<object>() }, Ct)),
        new("submit report", c => c.PostAsync($"{Report(report)}/submit", null, Ct)),
    ];

    private static IReadOnlyList<Call> ReviewerWrites(Guid plan, Guid report) =>
    [
        new("comment", c => c.PostAsJsonAsync($"{Plan(plan)}/comments", new { text = "Cudza uwaga." }, Ct)),
        new("accept report", c => c.PostAsync($"{Report(report)}/accept", null, Ct)),
        new("return report", c => c.PostAsJsonAsync($"{Report(report)}/return", new { comment = "Cudzy zwrot." }, Ct)),
    ];

    [Fact]
    public async Task Only_the_JSTs_team_its_advisor_and_ORE_reach_its_plan_consultation_and_reports_and_refusals_write_nothing()
    {
        var adopted = await service.AdoptedPlanAsync("9930011", service.Today().AddDays(-100));
        Assert.Equal(HttpStatusCode.OK, (await adopted.Team.PostAsync($"{Plan(adopted.PlanId)}/versions/1/resolution", ResolutionPdf(), Ct)).StatusCode);
        var report = (await adopted.Team.ReportsAsync(adopted.PlanId)).Reports[0].Id;
        var contents = await service.ContentsAsync();
        var reads = Reads(adopted.PlanId, report);

        foreach (var (who, caller) in new[] { ("team", adopted.Team), ("advisor", service.Advisor("9930011")), ("ORE", service.Operator()) })
        {
            foreach (var call in reads)
            {
                Assert.True((await call.Send(caller)).StatusCode == HttpStatusCode.OK, $"{who}: {call.Name}");
            }
        }

        var refused = new List<string>();
        async Task ExpectAsync(string who, HttpClient caller, IEnumerable<Call> calls, HttpStatusCode expected)
        {
            foreach (var call in calls)
            {
                var status = (await call.Send(caller)).StatusCode;
                if (status != expected)
                {
                    refused.Add($"{who} {call.Name}: {(int)status}, not {(int)expected}");
                }
            }
        }
        var all = reads.Concat(TeamWrites(adopted.PlanId, report)).Concat(ReviewerWrites(adopted.PlanId, report)).ToList();
        await ExpectAsync("another JST's team", service.Team("9930022"), reads.Concat(TeamWrites(adopted.PlanId, report)), HttpStatusCode.NotFound);
        await ExpectAsync("another JST's advisor", service.Advisor("9930022"), reads.Concat(ReviewerWrites(adopted.PlanId, report)), HttpStatusCode.NotFound);
        await ExpectAsync("a trainer", service.Trainer(), all, HttpStatusCode.Forbidden);
        await ExpectAsync("no token", service.Client, all, HttpStatusCode.Unauthorized);

        Assert.Empty(refused);
        Assert.Equal(contents, await service.ContentsAsync());
    }

    private static MultipartFormDataContent ResolutionPdf() =>
        new() { { new ByteArrayContent([.. "%PDF-1.4\n%%EOF\n"u8]), "file", "uchwala.pdf" } };
}
