using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Web.Monitoring.Api;

namespace Cro.Web.Tests.Consultation;

/// <summary>
/// The consultation's pages against a fake monitoring service: a participant without an account reads the draft and
/// comments (what the form sends, with their address passed on for the service's limits), a link no longer valid answers
/// as the service did, and the team opens the consultation and sees its public link once.
/// </summary>
public sealed partial class ConsultationPageTests : IDisposable
{
    private const string Token = "q2cQm1oUeGN5t4vY0h9sJd3WkL7xPzAa8bRfTnE6uIo";
    private static readonly Guid PlanId = Guid.NewGuid(), Priority = Guid.NewGuid(), Action = Guid.NewGuid(), School = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static PlanVersion Version(string status) => new()
    {
        Number = 1, Status = status, Revision = 2, AmendmentReason = null, CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), UpdatedAt = DateTimeOffset.UtcNow,
        AdoptedOn = null, ResolutionNumber = null, Resolution = null,
        Content = new PlanContent
        {
            Summary = "Plan cyfryzacji szkół gminy na lata 2026–2028.",
            Priorities = [new PlanPriority { Id = Priority, Title = "Sprzęt dla uczniów", Description = "Więcej komputerów.", FindingIds = [] }],
            Goals = [new PlanGoal
            {
                Id = Guid.NewGuid(), PriorityId = Priority, Title = "Mniej uczniów na komputer", Indicator = "uczniów na komputer", Unit = "uczniów",
                Baseline = 9.5, Target = 6, TargetDate = new DateOnly(2027, 6, 30),
            }],
            Actions = [new PlanAction
            {
                Id = Action, PriorityId = Priority, GoalIds = [], Title = "Zakup laptopów", Description = null, Owner = "Wydział Edukacji", SchoolIds = [],
                StartsOn = new DateOnly(2026, 9, 1), EndsOn = new DateOnly(2027, 6, 30), TotalBudget = 150_000, Budget = [],
            }],
            ManagementTools = [], OtherManagementTools = null, Risks = [],
        },
        Budget = [new PlanBudgetCell { Year = 2026, Source = "fers", Amount = 100_000 }, new PlanBudgetCell { Year = 2027, Source = "jst", Amount = 50_000 }],
        TotalBudget = 150_000,
    };

    private static PublicPlanConsultation Consultation => new()
    {
        JstTerc = "1206011", JstName = "Gromadka", OpensOn = Today, ClosesOn = Today.AddDays(20), State = "open", LinkKind = "public", Plan = Version("consultation"),
        Schools = [new ConsultationSchool { Id = School, Name = "Szkoła Podstawowa nr 1", Town = "Gromadka" }],
        StakeholderTypes = ["school-director", "teacher", "parent", "pupil", "employer", "ngo", "other"],
    };

    private static ConsultationCounts NoCounts => new()
    {
        Participants = 0, Comments = 0, Hidden = 0, Answered = 0, Unanswered = 0,
        ByStakeholderType = [new ConsultationStakeholderTypeCount { Type = "parent", Participants = 0, Comments = 0 }],
    };

    [Fact]
    public async Task A_participant_reads_the_draft_and_comments_without_an_account_and_the_service_sees_their_address()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/public/consultations/{Token}", Consultation);
        _web.Monitoring.Json(HttpMethod.Post, $"/api/monitoring/public/consultations/{Token}/comments",
            new ConsultationCommentReceipt { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, ClosesOn = Today.AddDays(20) }, HttpStatusCode.Created);
        var browser = _web.Browser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.9");

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/konsultacje/{Token}", Ct));
        Assert.Contains("Sprzęt dla uczniów", html);
        Assert.Contains("Zakup laptopów", html);
        Assert.Contains("150\u00a0000 zł", html); // grouped with a no-break space, as Polish writes it
        Assert.Contains("JST Gromadka przygotowuje lokalny plan cyfryzacji szkół", html);
        // Every field has its label.
        foreach (var id in FieldIds().Matches(html).Select(m => m.Groups[1].Value).Where(id => id.StartsWith("comment-", StringComparison.Ordinal)))
        {
            Assert.Contains($"for=\"{id}\"", html);
        }
        Assert.DoesNotContain("style=", html);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konsultacje/{Token}", "consultation-comment",
            ("Input.StakeholderType", "teacher"), ("Input.TargetId", Action.ToString()), ("Input.Text", "  Laptopy bez szkolenia nie wystarczą. "),
            ("Input.Name", "Jan Nauczyciel"), ("Input.SchoolId", School.ToString()), ("Input.Consent", "true")));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Post, $"/api/monitoring/public/consultations/{Token}/comments"));
        Assert.Equal(("teacher", Action, "Laptopy bez szkolenia nie wystarczą.", "Jan Nauczyciel", School, true, false),
            (sent.GetProperty("stakeholderType").GetString(), sent.GetProperty("targetId").GetGuid(), sent.GetProperty("text").GetString(),
                sent.GetProperty("name").GetString(), sent.GetProperty("schoolId").GetGuid(), sent.GetProperty("consent").GetBoolean(),
                sent.GetProperty("publishName").GetBoolean()));
        Assert.Equal("198.51.100.9", _web.Monitoring.Headers.Last()["X-Forwarded-For"]);
        Assert.Contains("Dziękujemy, przyjęliśmy Twoją uwagę.", page);
    }

    [Fact]
    public async Task A_refused_comment_keeps_what_was_typed_beside_the_service_messages_and_a_closed_link_answers_410()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/public/consultations/{Token}", Consultation);
        _web.Monitoring.Problem(HttpMethod.Post, $"/api/monitoring/public/consultations/{Token}/comments", HttpStatusCode.BadRequest,
            new { title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new { consent = new[] { "Zgoda na przetwarzanie jest potrzebna." } } });
        var browser = _web.Browser();

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konsultacje/{Token}", "consultation-comment",
            ("Input.StakeholderType", "parent"), ("Input.Text", "Więcej zajęć o bezpieczeństwie.")));

        Assert.Contains("Zgoda na przetwarzanie jest potrzebna.", page);
        Assert.Contains("href=\"/konsultacje/" + Token + "#comment-consent\"", page);
        Assert.Contains(">Więcej zajęć o bezpieczeństwie.</textarea>", page);

        _web.Monitoring.Problem(HttpMethod.Get, "/api/monitoring/public/consultations/closed-link-token-0123456789", HttpStatusCode.Gone,
            new { title = "Łącze do konsultacji nie jest już ważne.", status = 410, detail = "Konsultacje tego projektu planu zakończyły się 30 listopada 2026, 00:00." });
        var gone = await browser.GetAsync("/konsultacje/closed-link-token-0123456789", Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("zakończyły się 30 listopada 2026", WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_team_opens_the_consultation_and_sees_the_public_link_once()
    {
        var plan = new StrategicPlan
        {
            Id = PlanId, JstTerc = "1206011", JstName = "Gromadka", DiagnosisId = Guid.NewGuid(), Current = Version("draft"),
            Versions = [new PlanVersionSummary { Number = 1, Status = "draft", CreatedAt = DateTimeOffset.UtcNow, AdoptedOn = null, AmendmentReason = null, Resolution = null }],
        };
        var consultation = new PlanConsultation
        {
            Id = Guid.NewGuid(), PlanId = PlanId, Version = 1, OpensOn = Today, ClosesOn = Today.AddDays(14), State = "open", OpenedAt = DateTimeOffset.UtcNow,
            ClosedAt = null, ClosedHow = null, Links = [], Comments = [], Counts = NoCounts,
        };
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/plans", new[] { new PlanListItem
        {
            Id = PlanId, JstTerc = "1206011", JstName = "Gromadka", Version = 1, Status = "draft", AdoptedOn = null, UpdatedAt = DateTimeOffset.UtcNow,
        } });
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/plans/{PlanId}", plan);
        var browser = _web.Browser(Roles.JstCoordinator);
        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync("/plan/konsultacje", Ct));
        Assert.Contains("Otwórz konsultacje wersji 1", html);
        Assert.DoesNotContain("Nie można pokazać konsultacji", html);
        var antiforgery = AntiforgeryToken().Match(html).Groups[1].Value;
        _web.Monitoring.Json(HttpMethod.Post, $"/api/monitoring/plans/{PlanId}/consultation", new ConsultationOpened
        {
            Consultation = consultation, PublicLink = new IssuedConsultationLink { Id = Guid.NewGuid(), Token = Token, Path = $"/api/monitoring/public/consultations/{Token}" },
        }, HttpStatusCode.Created);
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/plans/{PlanId}/consultation", consultation);

        var page = await WebWithFakeServices.PageAsync(await browser.PostAsync("/plan/konsultacje", new FormUrlEncodedContent(
        [
            new("_handler", "consultation-open"), new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery)),
            new("Open.OpensOn", ""), new("Open.ClosesOn", Today.AddDays(14).ToString("yyyy-MM-dd")),
        ]), Ct));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Post, $"/api/monitoring/plans/{PlanId}/consultation"));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("opensOn").ValueKind);
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), sent.GetProperty("closesOn").GetString());
        Assert.Contains($"http://localhost/konsultacje/{Token}", page);
        Assert.Contains("Pokazujemy je tylko teraz", page);
        Assert.Contains("Konsultacje wersji 1", page);
        var again = await WebWithFakeServices.PageAsync(await browser.GetAsync("/plan/konsultacje", Ct));
        Assert.DoesNotContain(Token, again);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<(?:input|textarea|select)[^>]* id=\"([^\"]+)\"")]
    private static partial Regex FieldIds();
}
