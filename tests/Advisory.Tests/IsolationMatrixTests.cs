using System.Text;

namespace Cro.Advisory.Tests;

/// <summary>
/// Every operation of the advisory API, called by everyone who is not a party to JST A's advisory — nobody signed in, a
/// trainer, a partner client, a team member of JST B, JST B's advisor — on JST A's engagement, meeting, dialogue
/// meeting, advisor and round: each is refused (401, 403, 404, or a 400 that never reached the data), or, for a list,
/// answers without anything of JST A; and nothing at all is written.
/// </summary>
public sealed class IsolationMatrixTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nobody_outside_a_JSTs_advisory_reads_or_changes_anything_of_it_through_any_operation()
    {
        var (teamA, advisorA, engagementA) = await service.EngagedAsync("1801011");
        var (teamB, advisorB, _) = await service.EngagedAsync("1801022");
        var memberA = service.Member(teamA.MemberEmail, teamA.Terc);
        var meetingA = (await (await memberA.PostAsJsonAsync($"/api/advisory/engagements/{engagementA.Id}/meetings",
            new { startsAt = service.NextWeekdayAt(10), topic = "Tajny temat A", stage = "plan" }, Ct)).Content.ReadFromJsonAsync<MeetingDto>(Ct))!;
        var dialogueA = (await (await memberA.PostAsJsonAsync($"/api/advisory/engagements/{engagementA.Id}/dialogue-meetings", new
        {
            kind = "dialogue", topic = "Tajny dialog A", startsAt = service.Clock.GetUtcNow().AddDays(4), place = "Urząd A", openRegistration = false,
        }, Ct)).Content.ReadFromJsonAsync<IdOnly>(Ct))!;
        var document = await ServedOpenApiDocument.FetchAsync(service.Anonymous, "advisory", Ct);
        var outsiders = new Dictionary<string, HttpClient>
        {
            ["nobody"] = service.Anonymous,
            ["trainer"] = service.Trainer(),
            ["partner"] = service.ClientWith(TestTokens.Client("partner-advisory", "advisory.read")),
            ["member of B"] = service.Member(teamB.MemberEmail, teamB.Terc),
            ["advisor of B"] = service.Advisor(advisorB.Email),
        };
        string[] secrets = [teamA.Terc, teamA.JstName, advisorA.Email, "Tajny temat A", "Tajny dialog A"];
        var before = await RowCountsAsync();

        var leaks = new List<string>();
        // Operations on the caller's own things (/me/…: my availability, my calendar; /team/…: my team's feed) name no JST
        // of anyone else's: they are the callers' own, and their tests are elsewhere.
        foreach (var (method, template, _) in document.Endpoints()
                     .Where(e => !e.Anonymous && !e.Path.Contains("/me/", StringComparison.Ordinal) && !e.Path.Contains("/team/", StringComparison.Ordinal)))
        {
            var path = Fill(template, engagementA.Id, meetingA.Id, dialogueA.Id, advisorA.Id, teamA.RoundId);
            foreach (var (who, client) in outsiders)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                if (method is "post" or "put")
                {
                    request.Content = new StringContent(Body(template), Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    or HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType;
                var listWithoutA = method == "get" && response.IsSuccessStatusCode && !template.Contains('{');
                if (!(refused || listWithoutA) || secrets.Any(secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase)))
                {
                    leaks.Add($"{who}: {method.ToUpperInvariant()} {path} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        Assert.Empty(leaks);
        Assert.Equal(before, await RowCountsAsync());
    }

    /// <summary>A body that passes each write's validation, so the refusal comes from who is calling, not from what they sent.</summary>
    private string Body(string template) => template switch
    {
        _ when template.EndsWith("/meetings", StringComparison.Ordinal) =>
            $$"""{"startsAt":"{{service.NextWeekdayAt(12):O}}","topic":"Przejęcie","stage":"plan"}""",
        _ when template.EndsWith("/time", StringComparison.Ordinal) => $$"""{"startsAt":"{{service.NextWeekdayAt(13):O}}"}""",
        _ when template.EndsWith("/cancel", StringComparison.Ordinal) || template.EndsWith("/end", StringComparison.Ordinal) => """{"reason":"Przejęcie"}""",
        _ when template.EndsWith("/handover", StringComparison.Ordinal) => $$"""{"advisorId":"{{Guid.NewGuid()}}","reason":"Przejęcie"}""",
        _ when template.EndsWith("/held", StringComparison.Ordinal) && template.Contains("dialogue", StringComparison.Ordinal) =>
            """{"present":{"teachers":1}}""",
        _ when template.EndsWith("/held", StringComparison.Ordinal) => """{"heldMinutes":60,"participants":[{"fullName":"X"}]}""",
        _ when template.EndsWith("/dialogue-meetings", StringComparison.Ordinal) || template.EndsWith("dialogue-meetings/{id}", StringComparison.Ordinal) =>
            $$"""{"kind":"dialogue","topic":"Przejęcie","startsAt":"{{service.Clock.GetUtcNow().AddDays(5):O}}","place":"X","openRegistration":false}""",
        _ => "{}",
    };

    private static string Fill(string template, Guid engagement, Guid meeting, Guid dialogue, Guid advisor, Guid round) => template
        .Replace("/engagements/{id}", $"/engagements/{engagement}", StringComparison.Ordinal)
        .Replace("/dialogue-meetings/{id}", $"/dialogue-meetings/{dialogue}", StringComparison.Ordinal)
        .Replace("/meetings/{id}", $"/meetings/{meeting}", StringComparison.Ordinal)
        .Replace("{advisorId}", advisor.ToString(), StringComparison.Ordinal)
        .Replace("{roundId}", round.ToString(), StringComparison.Ordinal)
        .Replace("/advisors/{id}", $"/advisors/{advisor}", StringComparison.Ordinal)
        .Replace("{attachmentId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    /// <summary>Rows in every table of the service's database, and in the outbox.</summary>
    private async Task<string> RowCountsAsync() => string.Join(", ", await service.QueryAsync<string>("""
        SELECT c.relname || '=' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname
        """));

    private sealed record IdOnly(Guid Id);
}
