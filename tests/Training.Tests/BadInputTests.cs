using System.Text;

namespace Cro.Training.Tests;

/// <summary>Malformed or absurd input anywhere answers a 4xx ProblemDetails that says what is wrong: never a 500.</summary>
public sealed class BadInputTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Method, string Path, string Body)[] Cases =
    [
        ("PUT", "/api/training/programme", "{}"),
        ("PUT", "/api/training/programme", """{"basedOnVersion":1,"programme":{"postTestThreshold":60,"attendanceThreshold":80,"modules":null}}"""),
        ("PUT", "/api/training/programme", """{"basedOnVersion":1,"programme":{"postTestThreshold":60,"attendanceThreshold":80,"modules":[null]}}"""),
        ("PUT", "/api/training/programme", """{"basedOnVersion":1,"programme":{"postTestThreshold":60,"attendanceThreshold":80,"modules":[{"code":"M1","hours":1e27,"outcomes":[null]}]}}"""),
        ("PUT", "/api/training/programme", """{"basedOnVersion":1,"programme":{"postTestThreshold":60,"attendanceThreshold":80,"modules":[{"code":null,"outcomes":null}]}}"""),
        ("POST", "/api/training/cohorts", """{"name":"x","applicationIds":null}"""),
        ("POST", "/api/training/cohorts", """{"name":"x","applicationIds":["{team}"],"trainers":[null]}"""),
        ("POST", "/api/training/cohorts", """{"name":"x","applicationIds":["{team}"],"trainers":[{"email":null,"fullName":null}]}"""),
        ("POST", "/api/training/cohorts", """{"name":"x","applicationIds":["nie-guid"]}"""),
        ("POST", "/api/training/cohorts/{cohort}/teams", """{"applicationIds":[]}"""),
        ("PUT", "/api/training/cohorts/{cohort}/trainers", """{"trainers":null}"""),
        ("POST", "/api/training/cohorts/{cohort}/sessions", "{}"),
        ("POST", "/api/training/cohorts/{cohort}/sessions", """{"moduleCode":"M1","startsAt":"0001-01-01T00:00","endsAt":"0001-01-01T01:00","form":"online","onlineUrl":"https://x.example","capacity":1}"""),
        ("POST", "/api/training/cohorts/{cohort}/sessions", """{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"2026-05-12T12:00","form":"online","onlineUrl":"https://x.example","capacity":1,"hours":1e27}"""),
        ("POST", "/api/training/cohorts/{cohort}/sessions", """{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"9999-12-31T23:59","form":"online","onlineUrl":"https://x.example","capacity":1}"""),
        ("POST", "/api/training/sessions/{session}/cancel", """{"reason":null}"""),
        ("POST", "/api/training/sessions/{session}/cancel", "to nie jest JSON"),
        ("PUT", "/api/training/teams/{team}/cohort", """{"cohortId":"nie-guid","reason":"x"}"""),
        ("PUT", "/api/training/teams/{team}/cohort", """{"cohortId":null,"reason":null}"""),
        ("GET", "/api/training/public/sessions?limit=nie-liczba", ""),
        ("PUT", "/api/training/sessions/{session}/attendance", """{"marks":null}"""),
        ("PUT", "/api/training/sessions/{session}/attendance", """{"marks":[null]}"""),
        ("PUT", "/api/training/sessions/{session}/attendance", """{"marks":[{"participantId":"{team}","status":null}]}"""),
        ("POST", "/api/training/check-in", """{"code":null}"""),
        ("POST", "/api/training/modules/M1/materials/lessons", """{"title":null,"markdown":null}"""),
        ("POST", "/api/training/modules/M1/materials/links", """{"title":"x","url":"ftp://example.org/plik"}"""),
        ("POST", "/api/training/modules/M1/materials/lessons", "to nie jest JSON"),
        ("POST", "/api/training/modules/M1/questions", "{}"),
        ("POST", "/api/training/modules/M1/questions", """{"outcomeCode":"M1.W1","kind":"single","text":"?","explanation":"x","options":[{"text":"A","isCorrect":true},{"text":"B","isCorrect":true}]}"""),
        ("POST", "/api/training/modules/M1/questions", """{"outcomeCode":"M1.W1","kind":"single","text":"?","explanation":"x","options":"A"}"""),
        ("PUT", "/api/training/questions/{team}", """{"outcomeCode":null,"kind":null,"text":null,"explanation":null,"options":[null,null]}"""),
        ("PUT", "/api/training/modules/M1/tests/settings", """{"preTestMinutes":0,"postTestMinutes":100000}"""),
        ("PUT", "/api/training/modules/M1/tests/settings", "to nie jest JSON"),
        ("POST", "/api/training/me/modules/M1/tests/pre", ""),
        ("PUT", "/api/training/attempts/{team}/answers/{team}", """{"optionIds":null}"""),
        ("PUT", "/api/training/attempts/{team}/answers/{team}", """{"optionIds":["{team}","{team}"]}"""),
        ("PUT", "/api/training/attempts/{team}/answers/{team}", """{"optionIds":["{team}"]}"""),
        ("POST", "/api/training/attempts/{team}/finish", ""),
        ("PUT", "/api/training/certificates/{team}/consent", """{"showName":"tak"}"""),
        ("PUT", "/api/training/certificates/{team}/consent", """{"showName":true}"""),
    ];

    [Fact]
    public async Task Every_bad_request_is_a_4xx_problem_and_none_is_a_500()
    {
        var team = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], Cohorts.Trainer());
        var start = Cohorts.WarsawNow().AddMinutes(-5);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start.AddHours(1)));
        var client = service.Operator();
        var wrong = new List<string>();

        foreach (var (method, template, body) in Cases)
        {
            string Fill(string text) => text.Replace("{team}", team.ApplicationId.ToString()).Replace("{cohort}", cohort.Id.ToString())
                .Replace("{session}", session.Id.ToString());
            var request = new HttpRequestMessage(new HttpMethod(method), Fill(template))
            {
                Content = new StringContent(Fill(body), Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request, Ct);
            if ((int)response.StatusCode is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{method} {template} {body} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM sessions"));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT session_id FROM attendance"));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM sessions WHERE cancelled_at IS NOT NULL"));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM team_cohort_changes"));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM questions"));
        Assert.Empty(await service.QueryAsync<string>("SELECT module_code FROM test_settings"));
    }
}
