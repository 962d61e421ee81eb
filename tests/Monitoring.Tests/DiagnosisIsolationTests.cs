using System.Net;
using System.Text;

namespace Cro.Monitoring.Tests;

/// <summary>
/// A JST's diagnosis is its team's to change, and its team's, its advisor's and ORE's to read: every operation on JST A's
/// diagnosis, questionnaire and link, called by nobody, a trainer, a partner, JST B's team, JST B's advisor, JST A's
/// advisor and an operator, answers as that caller may see it, and no refused call writes anything.
/// </summary>
public sealed class DiagnosisIsolationTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_JSTs_team_changes_its_diagnosis_its_advisor_and_ORE_read_it_and_anyone_else_gets_nothing()
    {
        var (teamA, diagnosis) = await service.StartedAsync("1201011");
        var (_, diagnosisB) = await service.StartedAsync("1201022");
        var questionnaire = diagnosis.Schools()[0].Id;
        var link = await teamA.LinkAsync(questionnaire);
        var q = $"{Diagnoses.Api}/questionnaires/{questionnaire}";
        (string Method, string Path, string? Body)[] reads =
        [
            ("GET", $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}", null),
            ("GET", q, null),
        ];
        (string Method, string Path, string? Body)[] writes =
        [
            ("PUT", $"{q}/answers", """{"answers":{"pupils":{"number":10}}}"""),
            ("PUT", $"{q}/answers/pupils", """{"number":10}"""),
            ("POST", $"{q}/submit", null),
            ("POST", $"{q}/reopen", """{"reason":"Przejęcie"}"""),
            ("POST", $"{q}/links", "{}"),
            ("POST", $"{q}/links/{link.Id}/revoke", null),
            ("POST", $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/close-collection", null),
            ("POST", $"{Diagnoses.Api}/diagnoses", """{"kind":"after-12-months"}"""),
        ];
        // What each caller gets from the reads and from the writes; the new diagnosis (the last write) is JST A's team's only.
        var callers = new (string Who, HttpClient Client, HttpStatusCode Read, HttpStatusCode Write)[]
        {
            ("nobody", service.Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            ("trainer", service.Trainer(), HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ("partner", service.ClientWith(TestTokens.Client("partner-all", "recruitment.read", "indicators.read", "advisory.read")),
                HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ("advisor of B", service.Advisor("1201022"), HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            ("advisor of A", service.Advisor("1201011"), HttpStatusCode.OK, HttpStatusCode.Forbidden),
            ("operator", service.Operator(), HttpStatusCode.OK, HttpStatusCode.Forbidden),
        };
        var before = await service.ContentsAsync();

        var wrong = new List<string>();
        async Task CallAsync(string who, HttpClient client, (string Method, string Path, string? Body) call, params HttpStatusCode[] expected)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
            if (call.Body is not null)
            {
                request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            // A refusal names nothing of the JST's schools.
            var leaks = !response.IsSuccessStatusCode && body.Contains("Szkoła Podstawowa", StringComparison.Ordinal);
            if (!expected.Contains(response.StatusCode) || leaks)
            {
                wrong.Add($"{who}: {call.Method} {call.Path} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }
        foreach (var (who, client, read, write) in callers)
        {
            foreach (var call in reads)
            {
                await CallAsync(who, client, call, read);
            }
            foreach (var call in writes)
            {
                await CallAsync(who, client, call, write);
            }
        }
        // JST B's team and members: JST A's diagnosis does not exist for them; a new diagnosis of their own kind is theirs.
        foreach (var (who, client) in new[] { ("team of B", service.Team("1201022")), ("member of B", service.Team("1201022", "jst-member")) })
        {
            foreach (var call in reads.Concat(writes.SkipLast(1)))
            {
                await CallAsync(who, client, call, HttpStatusCode.NotFound);
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await service.ContentsAsync());
        // Lists: a team sees its JST's diagnoses, an advisor those of the JST advised, ORE all of them.
        async Task<Guid[]> ListedAsync(HttpClient client, string query = "") =>
            [.. (await client.GetFromJsonAsync<Cro.Monitoring.Features.Diagnosis.ListDiagnoses.Page>($"{Diagnoses.Api}/diagnoses{query}", Ct))!.Items.Select(d => d.Id)];
        Assert.Equal([diagnosis.Id], await ListedAsync(teamA));
        Assert.Equal([diagnosisB.Id], await ListedAsync(service.Team("1201022")));
        Assert.Equal([diagnosis.Id], await ListedAsync(service.Advisor("1201011")));
        Assert.Equal([diagnosis.Id], await ListedAsync(service.Operator(), "?jstTerc=1201011"));
        Assert.Subset((await ListedAsync(service.Operator())).ToHashSet(), new HashSet<Guid> { diagnosis.Id, diagnosisB.Id });
        Assert.Empty(await ListedAsync(service.Team("1201033")));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Trainer().GetAsync($"{Diagnoses.Api}/diagnoses", Ct)).StatusCode);
        // The link still works for its school, and the diagnosis is as it was.
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(link.Path, Ct)).StatusCode);
    }
}
