using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Cro.ServiceDefaults.Security;

namespace Cro.Web.Tests.Monitoring;

/// <summary>
/// The project's budget pages against a fake monitoring service: the dashboard (plan against spending per task and year as
/// bars with their table, the indicators against targets, the timeline with today) with the ministry report's downloads
/// relayed; the spending page's entry (refusals by field), correction, and CSV import with its preview and confirmation;
/// and who sees which page.
/// </summary>
public sealed partial class BudgetPagesTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Api = "/api/monitoring/budget";

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static object Money(double amount, double eu, double national) => new { amount, eu, national };

    private static object Task(int number, string name, string from, string to, string startsOn, string endsOn, string stage, double planned, double spent) => new
    {
        number, namePl = name, nameEn = name, shortNamePl = name, shortNameEn = name, sharePercent = 25.0, fromQuarter = from, toQuarter = to,
        startsOn, endsOn, stage, planned = Money(planned, planned * 0.8252, planned * 0.1748), spent = Money(spent, spent * 0.8252, spent * 0.1748),
    };

    private static object Dashboard => new
    {
        today = "2025-03-15",
        project = new { budget = Money(6_000_000, 4_951_200, 1_048_800), euSharePercent = 82.52, startsOn = "2023-05-01", endsOn = "2026-12-31" },
        tasks = new[]
        {
            Task(1, "Koncepcja szkoleń i doradztwa", "2023-Q2", "2024-Q2", "2023-04-01", "2024-06-30", "ended", 300_000, 250_000),
            Task(2, "Testowanie szkoleń i doradztwa", "2024-Q2", "2025-Q3", "2024-04-01", "2025-09-30", "running", 4_200_000, 1_234_567.89),
            Task(3, "Monitorowanie wdrożenia planów", "2025-Q3", "2026-Q4", "2025-07-01", "2026-12-31", "planned", 600_000, 0),
            Task(4, "Wymiana doświadczeń i dobre praktyki", "2024-Q2", "2026-Q4", "2024-04-01", "2026-12-31", "running", 900_000, 0),
        },
        years = new[]
        {
            new { task = 1, year = 2023, planned = Money(180_000, 148_536, 31_464), spent = Money(150_000, 123_780, 26_220) },
            new { task = 2, year = 2024, planned = Money(2_100_000, 1_732_920, 367_080), spent = Money(1_234_567.89, 1_018_765.34, 215_802.55) },
        },
        yearTotals = new[] { new { year = 2023, cardEstimate = 1_500_000.0, planned = Money(180_000, 148_536, 31_464), spent = Money(150_000, 123_780, 26_220) } },
        plannedTotal = Money(6_000_000, 4_951_200, 1_048_800),
        spentTotal = Money(1_484_567.89, 1_225_065.34, 259_502.55),
        indicators = new[]
        {
            new { code = "people-supported", kind = "output", unit = "people", namePl = "Liczba przedstawicieli kadr JST objętych wsparciem", nameEn = "x",
                targetTotal = (int?)150, targetWomen = (int?)105, targetMen = (int?)45, value = 60, women = (int?)42, men = (int?)18, percentOfTarget = (double?)40.0 },
            new { code = "jst-advised", kind = "result", unit = "jst", namePl = "Liczba JST objętych działaniami doradczymi", nameEn = "y",
                targetTotal = (int?)50, targetWomen = (int?)null, targetMen = (int?)null, value = 12, women = (int?)null, men = (int?)null, percentOfTarget = (double?)24.0 },
        },
    };

    private static object Line(Guid id, string month, double amount, string document, Guid? importId = null) => new
    {
        id, task = 2, month, amount, eu = Math.Round(amount * 0.8252, 2), national = amount - Math.Round(amount * 0.8252, 2), document, description = "Szkolenie",
        importId, enteredBy = Guid.NewGuid(), enteredAt = DateTimeOffset.Parse("2025-03-01T10:00:00Z"), correctedBy = (Guid?)null, correctedAt = (DateTimeOffset?)null,
    };

    [Fact]
    public async Task The_dashboard_draws_plan_against_spending_with_its_figures_the_indicators_against_targets_and_today_on_the_timeline()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/dashboard", Dashboard);
        byte[] xlsx = [0x50, 0x4B, 3, 4, 1, 2];
        _web.Monitoring.File($"{Api}/report?format=xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budzet.xlsx");

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/budzet", Ct));

        Assert.Contains("Budżet projektu: 6 000 000,00 zł, w tym wkład UE 4 951 200,00 zł (82,52 %) i środki krajowe 1 048 800,00 zł.", Spaces(html));
        Assert.Contains("Wydatki zapisane: 1 484 567,89 zł (24,7 % planu)", Spaces(html));
        // Each pair of bars has its figures in the table, and the picture its summary.
        Assert.Equal(2, Regex.Matches(html, "class=\"bar-planned\"").Count);
        Assert.Contains("<th scope=\"row\">Zadanie 2, 2024</th><td>2 100 000,00 zł</td><td>1 732 920,00 zł</td><td>367 080,00 zł</td><td>1 234 567,89 zł</td>", Spaces(html));
        Assert.Contains("role=\"img\" aria-label=\"Wykres słupkowy: plan i wydatki zapisane dla 2 par zadanie–rok.", html);
        Assert.Contains("<th scope=\"row\">2023</th><td>1 500 000,00 zł</td><td>180 000,00 zł</td>", Spaces(html));
        // The indicators against their targets, by sex where the target has it.
        Assert.Contains("Liczba przedstawicieli kadr JST objętych wsparciem <span class=\"hint\">(produktu)</span></th><td>60</td><td>150</td><td>42 (105)</td><td>18 (45)</td><td>40 %</td>", Spaces(html));
        Assert.Contains("Liczba JST objętych działaniami doradczymi <span class=\"hint\">(rezultatu)</span></th><td>12</td><td>50</td><td>—</td><td>—</td><td>24 %</td>", Spaces(html));
        // The timeline: a bar per task, today's line, and today's place in words.
        Assert.Equal(4, Regex.Matches(html, "class=\"timeline-task ").Count);
        Assert.Contains("class=\"timeline-today\"", html);
        Assert.Contains("dziś, 15 marca 2025: w realizacji zadań: 2, 4.", Spaces(html));
        Assert.Contains("Zadanie 3 — Monitorowanie wdrożenia planów: III kw. 2025 – IV kw. 2026, przed rozpoczęciem.", Spaces(html));
        Assert.Contains("href=\"/administracja/budzet/raport?format=xlsx\"", html);
        Assert.Contains("href=\"/administracja/budzet/raport?format=pdf\"", html);
        Assert.DoesNotContain("style=", html.Split("<main")[1].Split("</main>")[0]);

        var download = await _web.Browser(Roles.Finance).GetAsync("/administracja/budzet/raport?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(xlsx, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_budget_menu_and_pages_are_for_ORE_and_finance_and_booking_for_finance_only()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/dashboard", Dashboard);
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/spending", Array.Empty<object>());

        var finance = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Finance).GetAsync("/administracja/budzet", Ct));
        var ore = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/budzet", Ct));
        var oreSpending = await _web.Browser(Roles.Operator).GetAsync("/administracja/budzet/wydatki", Ct);
        var team = await _web.Browser(Roles.JstMember).GetAsync("/administracja/budzet", Ct);
        var teamReport = await _web.Browser(Roles.JstMember).GetAsync("/administracja/budzet/raport?format=pdf", Ct);

        Assert.Contains("href=\"/administracja/budzet/wydatki\"", finance);
        Assert.Contains("href=\"/administracja/budzet\"", ore);
        Assert.DoesNotContain("href=\"/administracja/budzet/wydatki\"", ore);
        Assert.NotEqual(HttpStatusCode.OK, oreSpending.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, team.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, teamReport.StatusCode);
        Assert.DoesNotContain(_web.Monitoring.Requests, r => r.Path.StartsWith($"{Api}/report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_refused_by_the_service_shows_its_message_by_the_field_and_a_saved_line_is_listed()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/dashboard", Dashboard);
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/spending", new[] { Line(Guid.NewGuid(), "2024-05", 1_000, "FV/1") });
        _web.Monitoring.Problem(HttpMethod.Post, $"{Api}/spending", HttpStatusCode.BadRequest, new
        {
            title = "Popraw dane.", status = 400,
            errors = new Dictionary<string, string[]> { ["lines[0].amount"] = ["Wydatki zadania 2 w 2024 r. wyniosłyby 2 100 000,01 zł, o 0,01 zł więcej niż plan."] },
        });
        var browser = _web.Browser(Roles.Finance);

        var refused = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/administracja/budzet/wydatki", "spending-line",
            ("task", "2"), ("month", "2024-06"), ("amount", "1 234,56"), ("eu", ""), ("national", ""), ("document", "FV/2024/06/1"), ("description", "")));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Post, $"{Api}/spending"));
        var line = sent.GetProperty("lines")[0];
        Assert.Equal((2, "2024-06", 1234.56m, "FV/2024/06/1"), (line.GetProperty("task").GetInt32(), line.GetProperty("month").GetString(),
            line.GetProperty("amount").GetDecimal(), line.GetProperty("document").GetString()));
        Assert.Contains("href=\"/administracja/budzet/wydatki#spending-amount\"", refused);
        Assert.Contains("id=\"spending-amount-error\"", refused);
        Assert.Contains("o 0,01 zł więcej niż plan", Spaces(refused));
        Assert.Contains("value=\"1 234,56\"", Spaces(refused));

        var notANumber = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/administracja/budzet/wydatki", "spending-line",
            ("task", "2"), ("month", "2024-06"), ("amount", "dużo"), ("document", "FV/2")));
        Assert.Contains("Kwota: „dużo” nie jest kwotą.", notANumber);
        Assert.Single(_web.Monitoring.Sent(HttpMethod.Post, $"{Api}/spending"));

        Assert.Contains("<th scope=\"row\">maj 2024</th><td>2</td><td>1 000,00 zł</td>", Spaces(notANumber));
    }

    [Fact]
    public async Task A_booked_line_is_corrected_through_the_same_form()
    {
        var id = Guid.NewGuid();
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/dashboard", Dashboard);
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/spending", new[] { Line(id, "2024-05", 1_000, "FV/1") });
        _web.Monitoring.Json(HttpMethod.Put, $"{Api}/spending/{id}", Line(id, "2024-05", 1_100, "FV/1"));
        var browser = _web.Browser(Roles.Finance);

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync($"/administracja/budzet/wydatki?popraw={id}", Ct));
        Assert.Contains("Popraw wydatek", form);
        Assert.Contains($"name=\"id\" value=\"{id}\"", form);
        Assert.Contains("value=\"1000,00\"", form);

        var saved = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/administracja/budzet/wydatki?popraw={id}", "spending-line",
            ("id", id.ToString()), ("task", "2"), ("month", "2024-05"), ("amount", "1100,00"), ("eu", "907,72"), ("national", "192,28"), ("document", "FV/1")));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"{Api}/spending/{id}"));
        Assert.Equal((1100m, 907.72m, 192.28m), (sent.GetProperty("amount").GetDecimal(), sent.GetProperty("eu").GetDecimal(), sent.GetProperty("national").GetDecimal()));
        Assert.Contains("Poprawiono wydatek FV/1.", saved);
    }

    [Fact]
    public async Task A_CSV_is_previewed_line_by_line_and_only_its_valid_lines_are_booked_on_confirmation()
    {
        var previewId = Guid.NewGuid();
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/dashboard", Dashboard);
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/spending", Array.Empty<object>());
        var preview = new
        {
            id = previewId, fileName = "wydatki.csv", uploadedAt = DateTimeOffset.UtcNow, expiresAt = DateTimeOffset.UtcNow.AddDays(1), confirmedAt = (DateTimeOffset?)null,
            lines = new object[]
            {
                new { line = 2, task = (int?)2, month = "2024-05", amount = (double?)1234.56, eu = (double?)1018.76, national = (double?)215.80, document = "FV/1",
                    description = (string?)null, valid = true, errors = Array.Empty<object>() },
                new { line = 3, task = (int?)7, month = "2024-05", amount = (double?)100.0, eu = (double?)null, national = (double?)null, document = "FV/2",
                    description = (string?)null, valid = false, errors = new[] { new { field = "task", message = "Nieznane zadanie 7: projekt ma zadania 1–4." } } },
            },
            validLines = 1, invalidLines = 1, validAmount = 1234.56, validEu = 1018.76, validNational = 215.80,
        };
        _web.Monitoring.Json(HttpMethod.Post, $"{Api}/imports", preview, HttpStatusCode.Created);
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/imports/{previewId}", preview);
        _web.Monitoring.Json(HttpMethod.Post, $"{Api}/imports/{previewId}/confirm", new { id = previewId, applied = 1, amount = 1234.56, eu = 1018.76, national = 215.80 });
        var browser = _web.Browser(Roles.Finance);
        const string csv = "zadanie;miesiąc;kwota;UE;krajowe;dokument;opis\n2;2024-05;1234,56;1018,76;215,80;FV/1;\n7;2024-05;100;;;FV/2;\n";

        var html = await browser.GetStringAsync("/administracja/budzet/wydatki", Ct);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var upload = new MultipartFormDataContent
        {
            { new StringContent("import-upload"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
            { file, "file", "wydatki.csv" },
        };
        var previewed = await WebWithFakeServices.PageAsync(await browser.PostAsync("/administracja/budzet/wydatki", upload, Ct));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Post, $"{Api}/imports"));
        Assert.Equal((csv, "wydatki.csv"), (sent.GetProperty("csv").GetString(), sent.GetProperty("fileName").GetString()));
        Assert.Contains("Podgląd pliku wydatki.csv: poprawne wiersze 1, z błędami 1", previewed);
        Assert.Matches("<th scope=\"row\">3</th><td>7</td>.*Nieznane zadanie 7: projekt ma zadania 1–4.", Spaces(previewed));
        Assert.Contains("Zapisz poprawne wiersze (1), pomiń wiersze z błędami", previewed);
        Assert.Empty(_web.Monitoring.Sent(HttpMethod.Post, $"{Api}/imports/{previewId}/confirm"));

        var confirmed = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/administracja/budzet/wydatki?podglad={previewId}", "import-confirm",
            ("Confirm.PreviewId", previewId.ToString())));
        Assert.Single(_web.Monitoring.Requests, r => r.Method == "POST" && r.Path == $"{Api}/imports/{previewId}/confirm");
        Assert.Contains("Zapisano 1 wydatków z pliku: 1 234,56 zł", Spaces(confirmed));

        _web.Monitoring.Problem(HttpMethod.Post, $"{Api}/imports/{previewId}/confirm", HttpStatusCode.Conflict,
            new { title = "Ten plik został już zatwierdzony.", status = 409, detail = "Wydatki z pliku są już zapisane." });
        var twice = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/administracja/budzet/wydatki?podglad={previewId}", "import-confirm",
            ("Confirm.PreviewId", previewId.ToString())));
        Assert.Contains("Ten plik został już zatwierdzony.", twice);
    }

    /// <summary>The page's text with the non-breaking spaces of Polish number grouping as plain spaces, runs of white space as one, none between tags.</summary>
    private static string Spaces(string html) => WhiteSpace().Replace(html.Replace('\u00A0', ' ').Replace('\u202F', ' '), " ").Replace("> <", "><");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
