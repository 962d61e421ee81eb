using System.Text;
using Cro.Publishing.Features.Practices;
using Cro.Publishing.Features.Proposals;

namespace Cro.Publishing.Tests;

/// <summary>
/// A practice in review is the JST's: its team (authors or not), its advisor (whose token names the JST) and ORE read it;
/// anyone else gets 404 (or 401/403 before that), the catalogue does not show it, and lists leave it out. Every operation of
/// the API, called by everyone outside JST A — nobody signed in, a trainer, the partner's client, a member of JST B, JST B's
/// advisor — on JST A's practice, file, version and proposal, is refused, and nothing at all is written.
/// </summary>
public sealed class IsolationMatrixTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(PublishingService.Team A, PublishingService.Team B, string AdvisorA, string AdvisorB, PracticeView Practice)> InReviewAsync(string a, string b)
    {
        var teamA = await service.JstWithTeamAsync(a, $"Tajna Gmina {a}");
        var teamB = await service.JstWithTeamAsync(b, $"Gmina {b}");
        var (advisorA, advisorB) = (await service.AssignAdvisorAsync(a), await service.AssignAdvisorAsync(b));
        var author = service.As(teamA, teamA.Coordinator);
        var practice = await Practices.StartAsync(author, Practices.Complete(title: $"Tajna praktyka {a}", authors: [new AuthorInput(teamA.Member.MemberId)]));
        await author.PostAsync($"/api/publishing/practices/{practice.Id}/files", Practices.Upload(Practices.Pdf(), "tajny.pdf", "attachment"), Ct);
        return (teamA, teamB, advisorA, advisorB, await Practices.PostAsync(author, practice.Id, "submit"));
    }

    [Fact]
    public async Task A_practice_in_review_is_read_by_its_JSTs_team_its_advisor_and_ORE_only()
    {
        var (a, b, advisorA, advisorB, practice) = await InReviewAsync("0601011", "0601022");
        var path = $"/api/publishing/practices/{practice.Id}";
        var readers = new Dictionary<string, HttpClient>
        {
            ["lead author"] = service.As(a, a.Coordinator), ["co-author"] = service.As(a, a.Member), ["team member, not an author"] = service.As(a, a.Third),
            ["the JST's advisor"] = service.Advisor(advisorA, a.Terc), ["ORE"] = service.Editor(),
        };
        var others = new Dictionary<string, (HttpClient Client, HttpStatusCode Status)>
        {
            ["member of another JST"] = (service.As(b, b.Member), HttpStatusCode.NotFound),
            ["another JST's advisor"] = (service.Advisor(advisorB, b.Terc), HttpStatusCode.NotFound),
            ["an advisor whose token names no JST"] = (service.Advisor(advisorA), HttpStatusCode.NotFound),
            ["a trainer"] = (service.Trainer(), HttpStatusCode.Forbidden),
            ["the partner's client"] = (service.Partner(), HttpStatusCode.Forbidden),
            ["nobody signed in"] = (service.Anonymous, HttpStatusCode.Unauthorized),
        };

        foreach (var (who, client) in readers)
        {
            var seen = await client.GetAsync(path, Ct);
            Assert.True(seen.StatusCode == HttpStatusCode.OK, $"{who}: {(int)seen.StatusCode}");
            Assert.Contains(practice.Id.ToString(), await client.GetStringAsync($"/api/publishing/practices?status=submitted", Ct));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}/versions/1", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}/files/{practice.Files[0].Id}", Ct)).StatusCode);
        }
        foreach (var (who, (client, status)) in others)
        {
            foreach (var url in new[] { path, $"{path}/versions/1", $"{path}/files/{practice.Files[0].Id}" })
            {
                var refused = await client.GetAsync(url, Ct);
                Assert.True(refused.StatusCode == status, $"{who}: GET {url} → {(int)refused.StatusCode}, expected {(int)status}");
            }
        }
        Assert.DoesNotContain(practice.Id.ToString(), await service.As(b, b.Member).GetStringAsync("/api/publishing/practices", Ct));
        Assert.DoesNotContain(practice.Id.ToString(), await service.Advisor(advisorB, b.Terc).GetStringAsync("/api/publishing/practices", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{practice.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{practice.Id}/files/{practice.Files[0].Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Partner().GetAsync($"/api/publishing/partner/practices/{practice.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Nobody_outside_JST_A_reads_or_changes_anything_of_its_practice_through_any_operation()
    {
        var (a, b, _, advisorB, practice) = await InReviewAsync("0601033", "0601044");
        var proposal = await Practices.ReadAsync<ProposalView>(await service.Editor().PostAsJsonAsync("/api/publishing/proposals",
            new { jstTerc = a.Terc, title = "Tajna propozycja A", description = "Warto opisać." }, Ct), HttpStatusCode.Created);
        var document = await ServedOpenApiDocument.FetchAsync(service.Anonymous, "publishing", Ct);
        var outsiders = new Dictionary<string, HttpClient>
        {
            ["nobody"] = service.Anonymous,
            ["trainer"] = service.Trainer(),
            ["partner"] = service.Partner(),
            ["member of B"] = service.As(b, b.Member),
            ["advisor of B"] = service.Advisor(advisorB, b.Terc),
        };
        string[] secrets = [a.JstName, a.Coordinator.Email, a.Member.Email, "Tajna praktyka", "Tajna propozycja A", "tajny.pdf"];
        var before = await service.RowCountsAsync();

        var leaks = new List<string>();
        // The caller's own data (/me/…) names no one else's; its tests are elsewhere.
        foreach (var (method, template, _) in document.Endpoints().Where(e => !e.Anonymous && !e.Path.Contains("/me/", StringComparison.Ordinal)))
        {
            var path = template.Replace("/proposals/{id}", $"/proposals/{proposal.Id}", StringComparison.Ordinal)
                .Replace("{id}", practice.Id.ToString(), StringComparison.Ordinal).Replace("{fileId}", practice.Files[0].Id.ToString(), StringComparison.Ordinal)
                .Replace("{number}", "1", StringComparison.Ordinal).Replace("{terc}", a.Terc, StringComparison.Ordinal);
            foreach (var (who, client) in outsiders)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), method == "put" ? $"{path}?revision={practice.Revision}" : path)
                {
                    Content = Body(method, template),
                };
                using var response = await client.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    or HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType;
                var listWithoutA = method == "get" && response.IsSuccessStatusCode && !template.Contains('{');
                if (!(refused || listWithoutA) || secrets.Any(secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase)))
                {
                    leaks.Add($"{who}: {method.ToUpperInvariant()} {path} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        Assert.Empty(leaks);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    /// <summary>
    /// A body that passes each write's validation where it can reach A's data (so the refusal comes from who is calling), and
    /// an invalid one where a valid one would rightly write (anyone's own draft, the partner's draft for any JST, a proposal).
    /// </summary>
    private static HttpContent? Body(string method, string template) => (method, template) switch
    {
        ("put", _) => new StringContent("""{"title":"Przejęcie","topics":["teaching"]}""", Encoding.UTF8, "application/json"),
        ("post", _) when template.EndsWith("/files", StringComparison.Ordinal) => Practices.Upload(Practices.Pdf(), "przejecie.pdf", "attachment"),
        ("post", _) when template.EndsWith("/request-changes", StringComparison.Ordinal) => Json("""{"comment":"Przejęcie"}"""),
        ("post", _) when template.EndsWith("/unpublish", StringComparison.Ordinal) || template.EndsWith("/decline", StringComparison.Ordinal) =>
            Json("""{"reason":"Przejęcie"}"""),
        ("post", _) => Json("{}"),
        _ => null,
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
