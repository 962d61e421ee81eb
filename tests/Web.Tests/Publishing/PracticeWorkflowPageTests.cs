using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Tests.Publishing;

/// <summary>
/// The team's and the reviewers' pages against a fake publishing service: the team's form sends the template's body (rows,
/// topics, licence, consent) and shows the service's field errors beside their fields; the editor's request for changes
/// sends the comment.
/// </summary>
public sealed partial class PracticeWorkflowPageTests : IDisposable
{
    private static readonly Guid PracticeId = Guid.NewGuid();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public PracticeWorkflowPageTests() => _web.Publishing.Json(HttpMethod.Get, "/api/publishing/template", CataloguePageTests.Template);

    public void Dispose() => _web.Dispose();

    private static GoodPractice Practice(string status) => new()
    {
        Id = PracticeId, JstTerc = "1206011", JstName = "Gromadka", JstKind = "rural-municipality", Status = status, Revision = 4, Round = 1, ReturnedFrom = null,
        ProposalId = null, ByPartner = false,
        Template = new PracticeTemplate { Title = "Laptopy dla uczniów", Summary = "Wypożyczalnia.", Topics = ["equipment"], Licence = "CC-BY-4.0" },
        Authors = [], TotalCost = 0, Files = [], Versions = [],
        Reviews = [new PracticeReview { Version = 1, Stage = "advisor", Decision = "changes-requested", Comment = "Dodajcie koszty.", ReviewerName = "Ewa Doradczyni",
            At = DateTimeOffset.UtcNow.AddDays(-1) }],
        CreatedAt = DateTimeOffset.UtcNow.AddDays(-5), UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = null, PublishedVersion = null, FirstPublishedAt = null,
        PublishedAt = null, UnpublishedAt = null, UnpublishReason = null,
    };

    [Fact]
    public async Task The_team_form_posts_the_template_and_shows_the_field_errors_of_a_400()
    {
        var path = $"/api/publishing/practices/{PracticeId}";
        _web.Publishing.Json(HttpMethod.Get, path, Practice("changes-requested"));
        _web.Publishing.Problem(HttpMethod.Put, $"{path}?revision=4", HttpStatusCode.BadRequest, new
        {
            title = "Popraw dane.", status = 400,
            errors = new Dictionary<string, string[]> { ["costs[0].source"] = ["Źródło finansowania spośród: jst, eu."], ["title"] = ["Tytuł ma do 200 znaków."] },
        });
        var browser = _web.Browser(Roles.JstCoordinator);

        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/moje-praktyki/{PracticeId}", Ct));
        Assert.Contains("Dodajcie koszty.", form);
        Assert.Contains("value=\"Laptopy dla uczniów\"", form);

        var response = await WebWithFakeServices.PostFormAsync(browser, $"/moje-praktyki/{PracticeId}", "practice",
            ("Input.Title", "Laptopy dla uczniów z gmin"), ("Input.Summary", "Wypożyczalnia laptopów."), ("Input.Problem", "Brak komputerów."),
            ("Input.Topics", "equipment"), ("Input.Topics", "exclusion"), ("Input.Licence", "CC0-1.0"), ("Input.PublishAuthorNames", "true"),
            ("Input.Partners", "Fundacja Cyfrowa\n\nBiblioteka gminna"),
            ("Input.Steps[0].Title", "Inwentaryzacja"), ("Input.Steps[0].Description", ""), ("Input.Steps[1].Title", ""),
            ("Input.Costs[0].Description", "Laptopy"), ("Input.Costs[0].Amount", "42 000,50"), ("Input.Costs[0].Source", "eu"),
            ("Input.Costs[1].Description", ""), ("Input.Costs[1].Amount", ""),
            ("Input.Evidence[0].Description", "Raport"), ("Input.Evidence[0].Value", "120"), ("Input.Evidence[0].Url", "https://example.pl/raport"),
            ("Input.Contacts[0].FullName", "Jan Kontaktowy"), ("Input.Contacts[0].Email", "jan@example.pl"));
        var html = await WebWithFakeServices.PageAsync(response);

        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Put, $"{path}?revision=4"));
        Assert.Equal("Laptopy dla uczniów z gmin", sent.GetProperty("title").GetString());
        Assert.Equal(["equipment", "exclusion"], sent.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("CC0-1.0", sent.GetProperty("licence").GetString());
        Assert.True(sent.GetProperty("publishAuthorNames").GetBoolean());
        Assert.Equal(["Fundacja Cyfrowa", "Biblioteka gminna"], sent.GetProperty("partners").EnumerateArray().Select(t => t.GetString()));
        var step = Assert.Single(sent.GetProperty("steps").EnumerateArray());
        Assert.Equal("Inwentaryzacja", step.GetProperty("title").GetString());
        var cost = Assert.Single(sent.GetProperty("costs").EnumerateArray());
        Assert.Equal(42_000.5, cost.GetProperty("amount").GetDouble());
        Assert.Equal("eu", cost.GetProperty("source").GetString());
        Assert.Equal(120, Assert.Single(sent.GetProperty("evidence").EnumerateArray()).GetProperty("value").GetDouble());
        Assert.Equal("jan@example.pl", Assert.Single(sent.GetProperty("contacts").EnumerateArray()).GetProperty("email").GetString());

        Assert.Contains("Źródło finansowania spośród: jst, eu.", html);
        Assert.Contains("#practice-costs-0-source\"", html);
        Assert.Contains("#practice-title\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Laptopy dla uczniów z gmin\"", html); // what was typed stays
    }

    [Fact]
    public async Task The_team_names_co_authors_from_its_team_and_the_plan_actions_the_practice_carried_out()
    {
        var path = $"/api/publishing/practices/{PracticeId}";
        var (jan, ewa, planId, laptops, wifi) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // A practice the partner started names an author by name and address: the team's form keeps them.
        var practice = Practice("draft");
        _web.Publishing.Json(HttpMethod.Get, path, new GoodPractice
        {
            Id = practice.Id, JstTerc = practice.JstTerc, JstName = practice.JstName, JstKind = practice.JstKind, Status = practice.Status, Revision = 4,
            Round = 1, ReturnedFrom = null, ProposalId = null, ByPartner = true,
            Template = new PracticeTemplate
            {
                Title = "Laptopy dla uczniów", Authors = [new PracticeAuthorInput { MemberId = jan }, new PracticeAuthorInput { FullName = "Ola Partnerska", Email = "ola@zwiazek.example.pl" }],
            },
            Authors = [], TotalCost = 0, Files = [], Versions = [], Reviews = [], CreatedAt = practice.CreatedAt, UpdatedAt = practice.UpdatedAt, SubmittedAt = null,
            PublishedVersion = null, FirstPublishedAt = null, PublishedAt = null, UnpublishedAt = null, UnpublishReason = null,
        });
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/team-members", new[]
        {
            new PracticeTeamMember { MemberId = jan, FullName = "Jan Członek" }, new PracticeTeamMember { MemberId = ewa, FullName = "Ewa Trzecia" },
        });
        _web.Publishing.Json(HttpMethod.Put, $"{path}?revision=4", practice);
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/plans", new[]
        {
            new { id = planId, jstTerc = "1206011", jstName = "Gromadka", version = 1, status = "adopted", adoptedOn = "2026-02-01", updatedAt = DateTimeOffset.UtcNow },
        });
        object Action(Guid id, string title, bool inForce) => new
        {
            id, title, inForce, priorityId = (Guid?)null, goalIds = Array.Empty<Guid>(), startsOn = (string?)null, endsOn = (string?)null, totalBudget = (double?)null,
            reported = Array.Empty<object>(), practiceIds = Array.Empty<Guid>(),
        };
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/plans/{planId}/timeline", new
        {
            planId, jstTerc = "1206011", jstName = "Gromadka", diagnosisId = Guid.NewGuid(), versionInForce = 1, periods = Array.Empty<object>(),
            findings = Array.Empty<object>(), priorities = Array.Empty<object>(), actions = new[] { Action(laptops, "Zakup laptopów", true), Action(wifi, "Wi-Fi w salach", false) },
            goals = Array.Empty<object>(), practices = Array.Empty<object>(),
        });
        var browser = _web.Browser(Roles.JstCoordinator);

        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/moje-praktyki/{PracticeId}", Ct));
        await WebWithFakeServices.PostFormAsync(browser, $"/moje-praktyki/{PracticeId}", "practice", ("Input.Title", "Laptopy dla uczniów"),
            ("Input.CoAuthors", ewa.ToString()), ("Input.PlanId", planId.ToString()), ("Input.PlanActions", laptops.ToString()));

        Assert.Matches($"<input type=\"checkbox\" id=\"practice-coauthors-{jan}\"[^>]*checked", form);
        Assert.Contains($"<label for=\"practice-coauthors-{ewa}\">Ewa Trzecia</label>", form);
        Assert.Contains($"<label for=\"practice-planactions-{laptops}\">Zakup laptopów</label>", form);
        Assert.Contains("Wi-Fi w salach (poza planem w obecnej wersji)", form);
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Put, $"{path}?revision=4"));
        Assert.Equal([(ewa.ToString(), null), (null, "ola@zwiazek.example.pl")], sent.GetProperty("authors").EnumerateArray()
            .Select(a => (a.TryGetProperty("memberId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
                a.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null)));
        Assert.Equal(planId, sent.GetProperty("planId").GetGuid());
        Assert.Equal([laptops], sent.GetProperty("planActionIds").EnumerateArray().Select(a => a.GetGuid()));
    }

    [Fact]
    public async Task A_new_practice_is_started_with_its_title()
    {
        _web.Publishing.Json(HttpMethod.Post, "/api/publishing/practices", Practice("draft"), HttpStatusCode.Created);
        var browser = _web.Browser(Roles.JstMember);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/moje-praktyki/nowa", "practice", ("Input.Title", "Laptopy dla uczniów"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/moje-praktyki/{PracticeId}?zapisano=1", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        Assert.Equal("Laptopy dla uczniów", Assert.Single(_web.Publishing.Sent(HttpMethod.Post, "/api/publishing/practices")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_editor_returns_a_practice_with_a_comment()
    {
        _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/practices/{PracticeId}", Practice("editor-review"));
        _web.Publishing.Json(HttpMethod.Post, $"/api/publishing/practices/{PracticeId}/request-changes", Practice("changes-requested"));
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/praktyki/ocena/{PracticeId}", Ct));
        Assert.Contains("Opublikuj w katalogu", page);

        var response = await WebWithFakeServices.PostFormAsync(browser, $"/praktyki/ocena/{PracticeId}", "changes", ("Changes.Comment", "  Uzupełnijcie efekty o liczby.  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/practices/{PracticeId}/request-changes"));
        Assert.Equal("Uzupełnijcie efekty o liczby.", sent.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task The_team_attaches_a_photo_with_what_it_shows()
    {
        var path = $"/api/publishing/practices/{PracticeId}";
        _web.Publishing.Json(HttpMethod.Get, path, Practice("draft"));
        _web.Publishing.Json(HttpMethod.Post, $"{path}/files", new PracticeFile
        {
            Id = Guid.NewGuid(), Kind = "photo", FileName = "klasa.png", ContentType = "image/png", SizeBytes = 8, AltText = "Uczniowie przy laptopach",
            Description = null, UploadedAt = DateTimeOffset.UtcNow,
        }, HttpStatusCode.Created);
        var browser = _web.Browser(Roles.JstMember);
        var html = await browser.GetStringAsync($"/moje-praktyki/{PracticeId}", Ct);
        var photo = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent("practice-file"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("photo"), "kind" }, { new StringContent("Uczniowie przy laptopach"), "altText" },
            { photo, "file", "klasa.png" },
        };

        var response = await browser.PostAsync($"/moje-praktyki/{PracticeId}", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path.StartsWith($"{path}/files", StringComparison.Ordinal));
        // Multipart: each field's name, then its value.
        Assert.Matches("name=\"?kind\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\nphoto\\r\\n", sent.Body);
        Assert.Matches("name=\"?altText\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\nUczniowie przy laptopach\\r\\n", sent.Body);
    }

    [Fact]
    public async Task The_team_declines_a_proposal_with_a_reason()
    {
        var proposalId = Guid.NewGuid();
        var proposal = new GoodPracticeProposal
        {
            Id = proposalId, JstTerc = "1206011", JstName = "Gromadka", Title = "Wasza wypożyczalnia", Description = "Warto ją opisać.", ProposedByName = "Ewa Doradczyni",
            ProposedByRole = "advisor", ProposedAt = DateTimeOffset.UtcNow, Status = "open", PracticeId = null, AnsweredAt = null, DeclineReason = null,
        };
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/practices?limit=100", new GoodPracticeListPage { Items = [], NextCursor = null });
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/proposals?status=open", new[] { proposal });
        _web.Publishing.Json(HttpMethod.Post, $"/api/publishing/proposals/{proposalId}/decline", proposal);
        var browser = _web.Browser(Roles.JstCoordinator);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/moje-praktyki", $"decline-{proposalId}", ("Decline.Reason", "Nie prowadzimy już wypożyczalni."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nie prowadzimy już wypożyczalni.",
            Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/proposals/{proposalId}/decline")).GetProperty("reason").GetString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task An_administrator_is_one_of_OREs_editors_and_sees_what_waits_for_the_editors()
    {
        foreach (var status in new[] { "editor-review", "submitted", "published" })
        {
            _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/practices?status={status}&limit=100", new GoodPracticeListPage { Items = [], NextCursor = null });
        }

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Admin).GetAsync("/praktyki/ocena", Ct));

        Assert.Contains("W redakcji ORE", html);
        Assert.DoesNotContain("Czekają na moją ocenę", html);
    }

    [Fact]
    public async Task The_pages_ask_for_their_roles()
    {
        Assert.NotEqual(HttpStatusCode.OK, (await _web.Browser().GetAsync("/moje-praktyki", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await _web.Browser(Roles.JstCoordinator).GetAsync($"/praktyki/ocena/{PracticeId}", Ct)).StatusCode);
    }
}
