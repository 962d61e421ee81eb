using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Tests.Plans;

/// <summary>
/// The plan's files on its pages, against a fake monitoring service: the team attaches an action's evidence file with the
/// report's save (the content then names it; a file the service refuses stands as that field's error, nothing saved), everyone
/// who sees the report downloads its files through the web; the team attaches the council's resolution to an adopted version,
/// and the resolution log offers it to anyone.
/// </summary>
public sealed partial class PlanFilesPageTests : IDisposable
{
    private static readonly Guid PlanId = Guid.NewGuid(), ReportId = Guid.NewGuid(), Laptops = Guid.NewGuid(), WiFi = Guid.NewGuid(),
        Earlier = Guid.NewGuid(), Goal = Guid.NewGuid();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], Pdf = [.. "%PDF-1.4\n%%EOF\n"u8];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static ReportEvidenceFile Evidence(Guid id, Guid actionId, string name) => new()
    {
        Id = id, ActionId = actionId, FileName = name, ContentType = "image/png", SizeBytes = 2048, UploadedAt = DateTimeOffset.UtcNow,
    };

    private static ImplementationReport Report(string status) => new()
    {
        Id = ReportId, PlanId = PlanId, JstTerc = "1206011", JstName = "Gromadka", Number = 1, Phase = "project", Reviewer = "advisor",
        StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 3, 31), DueOn = new DateOnly(2026, 4, 30), DueAt = DateTimeOffset.UtcNow.AddDays(20),
        Status = status, Overdue = false, DaysOverdue = 0, Revision = 3, Round = 0, PlanVersion = 1, SubmittedAt = null, AcceptedAt = null, RemindersSent = 0,
        Content = new ImplementationReportContent
        {
            Summary = null, Goals = [],
            Actions = [new ReportedActionProgress
            {
                ActionId = Laptops, Status = "in-progress", Progress = 30, Spent = 1000, SpentBySource = null, AbandonReason = null, Comment = null,
                EvidenceUrl = "https://bip.gmina.example.pl/przetarg/7", EvidenceFileIds = [Earlier],
            }],
        },
        PlanActions =
        [
            new ReportPlanAction { Id = Laptops, Title = "Zakup laptopów", Owner = "Wydział Edukacji", StartsOn = null, EndsOn = null, TotalBudget = 150_000 },
            new ReportPlanAction { Id = WiFi, Title = "Wi-Fi w salach", Owner = "Referat inwestycji", StartsOn = null, EndsOn = null, TotalBudget = 80_000 },
        ],
        PlanGoals = [new ReportPlanGoal
        {
            Id = Goal, Title = "Mniej uczniów na komputer", Indicator = "uczniów na komputer", Unit = "uczniów", Baseline = 9.5, Target = 6, TargetDate = null,
        }],
        Evidence = [Evidence(Earlier, Laptops, "protokol-odbioru.png")],
        History = [],
    };

    /// <summary>The report's form as a browser posts it: the fields, and a file chosen for one action.</summary>
    private async Task<string> PostReportAsync(HttpClient browser, Guid actionId, byte[] file, string fileName)
    {
        var html = await browser.GetStringAsync($"/plan/sprawozdania/{ReportId}", Ct);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[]
        {
            ("_handler", "report"), ("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value)),
            ("Input.Actions[0].ActionId", Laptops.ToString()), ("Input.Actions[0].Status", "in-progress"), ("Input.Actions[0].Progress", "40"),
            ("Input.Actions[0].Spent", "2000"), ("Input.Actions[1].ActionId", WiFi.ToString()), ("Input.Actions[1].Status", "not-started"),
            ("Input.Actions[1].Progress", "0"), ("Input.Actions[1].Spent", "0"), ("Input.Goals[0].GoalId", Goal.ToString()), ("Input.Goals[0].Value", "8"),
            ("then", "save"),
        })
        {
            form.Add(new StringContent(value), name);
        }
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, $"evidence-{actionId}", fileName);
        return await WebWithFakeServices.PageAsync(await browser.PostAsync($"/plan/sprawozdania/{ReportId}", form, Ct));
    }

    [Fact]
    public async Task A_refused_evidence_file_stands_as_its_fields_error_and_the_report_is_not_saved()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/reports/{ReportId}", Report("draft"));
        _web.Monitoring.Problem(HttpMethod.Post, $"/api/monitoring/reports/{ReportId}/evidence", HttpStatusCode.UnsupportedMediaType,
            new { title = "Nieobsługiwany rodzaj pliku.", status = 415, detail = "Przyjmujemy pliki PDF, JPEG i PNG; zawartość tego pliku nie jest żadnym z nich." });
        var browser = _web.Browser(Roles.JstCoordinator);

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync($"/plan/sprawozdania/{ReportId}", Ct));
        Assert.Contains("for=\"action-0-file\"", form);
        Assert.Contains("for=\"action-1-file\"", form);
        Assert.Contains("enctype=\"multipart/form-data\"", form);
        Assert.Contains($"href=\"/plan/sprawozdania/{ReportId}/dowody/{Earlier}\"", form);
        Assert.DoesNotContain("style=", form);

        var page = await PostReportAsync(browser, WiFi, "notatka"u8.ToArray(), "notatka.png");

        Assert.Matches("id=\"action-1-file-error\" class=\"field-error\">.*nie jest żadnym z nich", page);
        Assert.Contains($"href=\"/plan/sprawozdania/{ReportId}#action-1-file\"", page);
        Assert.Contains("value=\"40\"", page); // what was typed stays
        Assert.DoesNotContain(_web.Monitoring.Requests, r => r.Method == "PUT");
        var sent = Assert.Single(_web.Monitoring.Requests, r => r.Method == "POST");
        Assert.Contains(WiFi.ToString(), sent.Body);
    }

    [Fact]
    public async Task An_attached_evidence_file_is_named_by_its_actions_entry_and_everyone_who_sees_the_report_downloads_it()
    {
        var attached = Guid.NewGuid();
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/reports/{ReportId}", Report("draft"));
        _web.Monitoring.Json(HttpMethod.Post, $"/api/monitoring/reports/{ReportId}/evidence", Evidence(attached, Laptops, "sala-12.png"), HttpStatusCode.Created);
        _web.Monitoring.Json(HttpMethod.Put, $"/api/monitoring/reports/{ReportId}/content?revision=3", Report("draft"));

        var page = await PostReportAsync(_web.Browser(Roles.JstCoordinator), Laptops, Png, "sala-12.png");

        Assert.Contains("Zapisano sprawozdanie.", page);
        var saved = Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"/api/monitoring/reports/{ReportId}/content?revision=3"));
        var actions = saved.GetProperty("actions");
        Assert.Equal([Earlier, attached], actions[0].GetProperty("evidenceFileIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(JsonValueKind.Null, actions[1].GetProperty("evidenceFileIds").ValueKind);

        // The advisor reads the submitted report with its evidence, and downloads a file through the web.
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/reports/{ReportId}", Report("submitted"));
        _web.Monitoring.File($"/api/monitoring/reports/{ReportId}/evidence/{Earlier}", Png, "image/png", "protokol-odbioru.png");
        var advisor = _web.Browser(Roles.Advisor);
        var read = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/plan/sprawozdania/{ReportId}", Ct));
        Assert.Contains($"href=\"/plan/sprawozdania/{ReportId}/dowody/{Earlier}\"", read);
        Assert.Contains("href=\"https://bip.gmina.example.pl/przetarg/7\"", read);
        Assert.DoesNotContain("type=\"file\"", read);
        var download = await advisor.GetAsync($"/plan/sprawozdania/{ReportId}/dowody/{Earlier}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
    }

    private static PlanResolutionFile Resolution => new() { FileName = "uchwala-xv-101.pdf", SizeBytes = 24_576, UploadedAt = DateTimeOffset.UtcNow };

    private static PlanVersion Adopted(PlanResolutionFile? resolution) => new()
    {
        Number = 1, Status = "adopted", Revision = 4, AmendmentReason = null, CreatedAt = DateTimeOffset.UtcNow.AddDays(-30), UpdatedAt = DateTimeOffset.UtcNow,
        AdoptedOn = new DateOnly(2026, 11, 30), ResolutionNumber = "XV/101/2026", Resolution = resolution,
        Content = new PlanContent { Summary = "Plan.", Priorities = [], Goals = [], Actions = [], ManagementTools = [], OtherManagementTools = null, Risks = [] },
        Budget = [], TotalBudget = 0,
    };

    [Fact]
    public async Task The_team_attaches_the_council_resolution_to_the_adopted_version_and_the_resolution_log_offers_it_to_anyone()
    {
        var version = $"/api/monitoring/plans/{PlanId}/versions/1";
        _web.Monitoring.Json(HttpMethod.Get, version, Adopted(null));
        _web.Monitoring.Problem(HttpMethod.Post, $"{version}/resolution", HttpStatusCode.UnsupportedMediaType,
            new { title = "Nieobsługiwany rodzaj pliku.", status = 415, detail = "Przyjmujemy uchwałę jako plik PDF; zawartość tego pliku nie jest PDF-em." });
        var team = _web.Browser(Roles.JstCoordinator);
        var page = $"/plan/{PlanId}/wersje/1";

        var form = WebUtility.HtmlDecode(await team.GetStringAsync(page, Ct));
        Assert.Contains("for=\"resolution-1\"", form);
        Assert.DoesNotContain("type=\"file\"", WebUtility.HtmlDecode(await _web.Browser(Roles.Advisor).GetStringAsync(page, Ct)));

        var refused = await PostResolutionAsync(team, page, Png, "skan.pdf");
        Assert.Matches("id=\"resolution-1-error\" class=\"field-error\">.*nie jest PDF-em", refused);

        _web.Monitoring.Json(HttpMethod.Post, $"{version}/resolution", Resolution);
        _web.Monitoring.Json(HttpMethod.Get, version, Adopted(Resolution));
        var attached = await PostResolutionAsync(team, page, Pdf, "uchwala-xv-101.pdf");
        Assert.Contains("Dołączono uchwałę rady: uchwala-xv-101.pdf.", attached);
        Assert.Contains($"href=\"/plan/{PlanId}/wersje/1/uchwala\"", attached);
        Assert.Contains("Zastąp uchwałę", attached);
        Assert.Equal(2, _web.Monitoring.Requests.Count(r => r.Method == "POST" && r.Path == $"{version}/resolution"));

        // Public: the log lists the adoption with its resolution, and the web relays the file to anyone.
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/public/plans/1206011/consultations", new PlanConsultationLog
        {
            JstTerc = "1206011", JstName = "Gromadka", VersionInForce = 1, AdoptedOn = new DateOnly(2026, 11, 30), Consultations = [],
            Adoptions = [new PublishedPlanAdoption { Version = 1, AdoptedOn = new DateOnly(2026, 11, 30), ResolutionNumber = "XV/101/2026", Resolution = Resolution }],
        });
        _web.Monitoring.File("/api/monitoring/public/plans/1206011/versions/1/resolution", Pdf, "application/pdf", "uchwala-xv-101.pdf");
        var anyone = _web.Browser();
        var log = WebUtility.HtmlDecode(await anyone.GetStringAsync("/plany/1206011/konsultacje", Ct));
        Assert.Contains("uchwała nr XV/101/2026", log);
        Assert.Contains("href=\"/plany/1206011/wersje/1/uchwala\"", log);
        var download = await anyone.GetAsync("/plany/1206011/wersje/1/uchwala", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    private static async Task<string> PostResolutionAsync(HttpClient browser, string page, byte[] file, string fileName)
    {
        var html = await browser.GetStringAsync(page, Ct);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent("resolution-1"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
            { content, "file", fileName },
        };
        return await WebWithFakeServices.PageAsync(await browser.PostAsync(page, form, Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
