using System.Text.RegularExpressions;

namespace Cro.Web.Tests.Plans;

/// <summary>
/// ORE's plan pages against a fake monitoring service: the overview's figures with the tile map of plans adopted, the
/// overdue list where ORE moves a report's due day, the reporting schedule's form, and the path from the diagnosis to
/// results, linked both ways.
/// </summary>
public sealed partial class PlanOversightPageTests : IDisposable
{
    private const string Api = "/api/monitoring";
    private static readonly Guid ReportId = Guid.NewGuid();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static object States(int none, int draft, int adopted) => new[]
    {
        new { state = "none", jst = none }, new { state = "draft", jst = draft }, new { state = "consultation", jst = 0 }, new { state = "revised", jst = 0 },
        new { state = "adopted", jst = adopted },
    };

    private static object Progress(int reporting, int inProgress, int done, double? average) => new
    {
        jstReporting = reporting, averageProgress = average,
        actions = new[]
        {
            new { status = "not-started", actions = 0 }, new { status = "in-progress", actions = inProgress }, new { status = "done", actions = done },
            new { status = "delayed", actions = 0 }, new { status = "abandoned", actions = 0 },
        },
    };

    [Fact]
    public async Task The_overview_shows_implementation_money_beside_the_plan_and_a_tile_per_voivodeship_with_its_share_of_plans_adopted()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/plans-overview", new
        {
            jst = 5, states = States(1, 1, 3), progress = Progress(2, 3, 1, 62.5), overdueReports = 2, totalPlanned = 460_000, totalSpent = 140_000,
            voivodeships = new[]
            {
                new { code = "02", name = "DOLNOŚLĄSKIE", states = States(0, 1, 3), progress = Progress(2, 3, 1, 62.5), overdueReports = 2, planned = 460_000, spent = 140_000 },
                new { code = "12", name = "MAŁOPOLSKIE", states = States(1, 0, 0), progress = Progress(0, 0, 0, null), overdueReports = 0, planned = 0, spent = 0 },
            },
            money = new[]
            {
                new { year = 2026, source = "fers", planned = 200_000, spent = 60_000 },
                new { year = 2026, source = "unspecified", planned = 0, spent = 80_000 },
            },
        });
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/plan-conclusions", Array.Empty<object>());
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/consultations/summary", new
        {
            consultations = 3, scheduled = 0, open = 1, closed = 2, jst = 2, byJst = Array.Empty<object>(),
            totals = new
            {
                participants = 14, comments = 21, hidden = 1, answered = 18, unanswered = 2,
                byStakeholderType = new[] { new { type = "parent", participants = 9, comments = 12 }, new { type = "teacher", participants = 5, comments = 9 } },
            },
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/plany/przeglad", Ct));

        // Dolnośląskie: 3 of 4 JST adopted → 75 %, the fourth of five levels, with its overdue reports; Małopolskie: none adopted; Mazowieckie: no data.
        Assert.Matches(Tile("tile-level-3", "dolnośląskie", "75%", "po terminie: 2"), html);
        Assert.Matches(Tile("tile-level-0", "małopolskie", "0%", null), html);
        Assert.Matches(Tile("tile-level-none", "mazowieckie", "—", null), html);
        Assert.Equal(16, TileItem().Matches(html).Count);
        Assert.Contains("62,5%", html);
        Assert.Contains("źródło niewskazane", html);
        Assert.Contains("30%", html); // 60,000 of 200,000 FERS spent
        Assert.Contains("Konsultacje projektów planów: 3 w 2 JST (otwarte: 1, zakończone: 2)", html);
        Assert.Matches("<th scope=\"row\">rodzic lub opiekun</th>\\s*<td>9</td>\\s*<td>12</td>", html);
        Assert.DoesNotContain("Nie można pokazać przeglądu", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task ORE_moves_an_overdue_reports_due_day_and_a_refusal_is_shown_with_the_list_kept()
    {
        var overdue = new
        {
            items = new[]
            {
                new
                {
                    reportId = ReportId, planId = Guid.NewGuid(), jstTerc = "0203052", jstName = "Pęcław", number = 1, phase = "project",
                    startsOn = "2026-01-01", endsOn = "2026-03-31", dueOn = "2026-04-30", dueAt = "2026-04-30T22:00:00Z", status = "draft", daysOverdue = 40,
                    overdueAt = "2026-05-01T06:00:00Z", remindersSent = 2, lastRemindedAt = "2026-05-08T06:00:00Z",
                },
            },
            nextCursor = (string?)null,
        };
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/reports/overdue?Limit=100", overdue);
        _web.Monitoring.Problem(HttpMethod.Put, $"{Api}/reports/{ReportId}/due-date", HttpStatusCode.BadRequest,
            new { title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new { dueOn = new[] { "Termin nie może być przed końcem okresu." } } });
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/plany/zalegle", $"due-{ReportId}", ("dueOn", "2026-03-01")));

        Assert.Equal("2026-03-01", Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"{Api}/reports/{ReportId}/due-date")).GetProperty("dueOn").GetString());
        Assert.Contains("Nie przesunięto terminu:", page);
        Assert.Contains("Termin nie może być przed końcem okresu.", page);
        Assert.Contains("Pęcław", page);
        Assert.Contains("for=\"due-" + ReportId + "\"", page);
    }

    [Fact]
    public async Task The_schedule_form_sends_the_stretches_with_periods_and_puts_a_refusal_beside_the_row_it_came_from()
    {
        var schedule = new
        {
            updatedAt = "2026-11-01T10:00:00Z",
            rules = new[]
            {
                new { phase = "project", months = 3, periods = 4, dueDays = 30 },
                new { phase = "post-project", months = 6, periods = 4, dueDays = 30 },
            },
        };
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/report-schedule", schedule);
        _web.Monitoring.Problem(HttpMethod.Put, $"{Api}/report-schedule", HttpStatusCode.BadRequest,
            new { title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new Dictionary<string, string[]> { ["rules[1].months"] = ["Okres trwa od 1 do 24 miesięcy."] } });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync("/plany/harmonogram-sprawozdan", Ct));
        Assert.Contains("4 × 3 mies. w czasie projektu, termin 30 dni po końcu okresu; 4 × 6 mies. po projekcie", html);

        // The first row emptied (dropped), the second kept, a new third stretch with too long a period.
        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/plany/harmonogram-sprawozdan", "schedule",
            ("phase-0", "project"), ("periods-0", ""), ("months-0", "3"), ("dueDays-0", "30"),
            ("phase-1", "post-project"), ("periods-1", "4"), ("months-1", "6"), ("dueDays-1", "30"),
            ("phase-2", "post-project"), ("periods-2", "1"), ("months-2", "36"), ("dueDays-2", "45"),
            ("phase-3", "post-project"), ("periods-3", ""), ("months-3", ""), ("dueDays-3", "")));

        var rules = Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"{Api}/report-schedule")).GetProperty("rules").EnumerateArray()
            .Select(r => (r.GetProperty("phase").GetString(), r.GetProperty("periods").GetInt32(), r.GetProperty("months").GetInt32(), r.GetProperty("dueDays").GetInt32()))
            .ToList();
        Assert.Equal([("post-project", 4, 6, 30), ("post-project", 1, 36, 45)], rules);
        Assert.Contains("href=\"/plany/harmonogram-sprawozdan#rule-2-months\"", page);
        Assert.Matches("id=\"rule-2-months\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("value=\"36\"", page); // what was typed stays
    }

    [Fact]
    public async Task The_path_links_each_finding_to_its_priorities_and_back_and_shows_what_the_reports_said()
    {
        var (planId, diagnosisId, finding, priority, action, goal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var practice = Guid.NewGuid();
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/plans/{planId}/timeline", new
        {
            planId, jstTerc = "0203052", jstName = "Pęcław", diagnosisId, versionInForce = 1,
            periods = new[] { new { reportId = ReportId, number = 1, phase = "project", startsOn = "2026-01-01", endsOn = "2026-03-31", dueOn = "2026-04-30", status = "accepted" } },
            findings = new[] { new { id = finding, title = "Za mało komputerów dla uczniów", priority = "high", priorityIds = new[] { priority } } },
            priorities = new[] { new { id = priority, title = "Sprzęt dla uczniów", inForce = true, findingIds = new[] { finding }, goalIds = new[] { goal }, actionIds = new[] { action } } },
            actions = new[]
            {
                new
                {
                    id = action, title = "Zakup laptopów", inForce = true, priorityId = priority, goalIds = new[] { goal }, startsOn = "2026-01-01", endsOn = "2027-06-30",
                    totalBudget = 150_000,
                    reported = new[] { new { reportId = ReportId, number = 1, reportStatus = "accepted", status = "in-progress", progress = 40, spent = 60_000 } },
                    practiceIds = new[] { practice },
                },
            },
            goals = new[]
            {
                new
                {
                    id = goal, title = "Mniej uczniów na komputer", inForce = true, priorityId = priority, actionIds = new[] { action }, indicator = "figure:pupils_per_computer",
                    unit = "uczniów", baseline = 9.5, target = 6, targetDate = "2027-06-30",
                    reported = new[] { new { reportId = ReportId, number = 1, reportStatus = "accepted", value = 8 } },
                },
            },
            practices = new[] { new { id = practice, title = "Laptopy w 4 tygodnie", pageUrl = $"https://cro.example.pl/dobre-praktyki/{practice}", actionIds = new[] { action } } },
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.JstCoordinator).GetAsync($"/plan/{planId}/sciezka", Ct));

        Assert.Contains($"id=\"item-{finding:N}\"", html);
        Assert.Contains($"href=\"/plan/{planId}/sciezka#item-{priority:N}\">Sprzęt dla uczniów</a>", html); // finding → priority
        Assert.Contains($"href=\"/plan/{planId}/sciezka#item-{finding:N}\">Za mało komputerów dla uczniów</a>", html); // priority → finding
        Assert.Contains($"href=\"/plan/{planId}/sciezka#item-{action:N}\">Zakup laptopów</a>", html);
        Assert.Contains($"href=\"/plan/sprawozdania/{ReportId}\">Sprawozdanie 1</a>", html);
        Assert.Contains("40%", html);
        Assert.Contains("60\u00a0000 zł", html);
        Assert.Contains("9,5 uczniów", html);
        Assert.Contains("8 uczniów", html);
        Assert.Contains($"href=\"/plan/{planId}/sciezka#item-{practice:N}\">Laptopy w 4 tygodnie</a>", html); // action → practice
        Assert.Contains($"href=\"/dobre-praktyki/{practice}\">Laptopy w 4 tygodnie</a>", html);
    }

    private static Regex Tile(string level, string name, string figure, string? note) => new(
        $"<li class=\"tile {level}\">\\s*<span class=\"tile-name\"[^>]*>[^<]*</span>\\s*<span class=\"visually-hidden\">{name}:</span>\\s*"
        + $"<span class=\"tile-figure\">{Regex.Escape(figure)}</span>" + (note is null ? "\\s*</li>" : $"\\s*<span class=\"tile-note\">{note}</span>"));

    [GeneratedRegex("<li class=\"tile tile-level-")]
    private static partial Regex TileItem();
}
