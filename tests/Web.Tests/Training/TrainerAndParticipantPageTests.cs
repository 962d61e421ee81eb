using System.Net;
using Cro.ServiceDefaults.Security;
using Cro.Web.Training.Api;

namespace Cro.Web.Tests.Training;

/// <summary>The attendance sheet and the test-taking page, driven through their real forms against a fake training service.</summary>
public sealed class TrainerAndParticipantPageTests : IDisposable
{
    private readonly WebWithFakeTraining _web = new();

    public void Dispose() => _web.Dispose();

    private static readonly DateTimeOffset Start = new(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task The_attendance_form_sends_every_marked_row_and_shows_the_reason_the_service_requires_after_the_session()
    {
        var (session, anna, jan) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var view = new SessionView(session, Guid.NewGuid(), "Grupa 1", "M2", "Wykluczenie cyfrowe", Start, Start.AddHours(4), "stationary", "Sala 1", null, 20, 4m, 0);
        _web.Training.Json(HttpMethod.Get, $"/api/training/sessions/{session}/attendance",
            new AttendanceSheet(view, [new(anna, "Anna Nowak", "1465011", "Warszawa", null, null, null), new(jan, "Jan Kowalski", "1465011", "Warszawa", null, null, null)]));
        _web.Training.Json(HttpMethod.Get, $"/api/training/sessions/{session}/attendance/corrections", Array.Empty<AttendanceCorrection>());
        _web.Training.Problem(HttpMethod.Put, $"/api/training/sessions/{session}/attendance", HttpStatusCode.BadRequest,
            new { title = "Nieprawidłowe dane.", status = 400, errors = new Dictionary<string, string[]> { ["reason"] = ["Zajęcia się skończyły: podaj powód korekty obecności."] } });
        var browser = _web.Browser(Roles.Trainer);

        var page = await WebWithFakeTraining.PageAsync(await WebWithFakeTraining.PostFormAsync(browser, $"/trener/sesje/{session}", "attendance",
            ("Attendance.Marks[0].ParticipantId", anna.ToString()), ("Attendance.Marks[0].Status", "absent"),
            ("Attendance.Marks[1].ParticipantId", jan.ToString())));

        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Put, $"/api/training/sessions/{session}/attendance"));
        var mark = Assert.Single(sent.GetProperty("marks").EnumerateArray());
        Assert.Equal(anna, mark.GetProperty("participantId").GetGuid());
        Assert.Equal("absent", mark.GetProperty("status").GetString());
        Assert.Contains("Nie zapisano obecności", page);
        Assert.Contains("Zajęcia się skończyły: podaj powód korekty obecności.", page);
        // The choice made stays on the form.
        Assert.Contains($"id=\"mark-{anna}-absent\" name=\"Attendance.Marks[0].Status\" value=\"absent\" checked", page);
    }

    [Fact]
    public async Task An_answer_is_saved_as_it_is_given_and_the_page_moves_on_to_the_next_question()
    {
        var (attempt, first, chosen) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}", new AttemptView(attempt, "M1", "pre", 1, Start, Start.AddMinutes(30), Start.AddMinutes(5),
            null, null, false,
            [
                new(first, "single", "Pytanie pierwsze", [new(Guid.NewGuid(), "A", null), new(chosen, "B", null)], [], null, null),
                new(Guid.NewGuid(), "multiple", "Pytanie drugie", [new(Guid.NewGuid(), "C", null), new(Guid.NewGuid(), "D", null)], [], null, null),
            ]));
        _web.Training.Json(HttpMethod.Put, $"/api/training/attempts/{attempt}/answers/{first}", new SavedAnswer(first, [chosen], Start.AddMinutes(6), Start.AddMinutes(30)));
        var browser = _web.Browser(Roles.JstMember);

        var response = await WebWithFakeTraining.PostFormAsync(browser, $"/moje-szkolenie/test/{attempt}?pytanie=1", "answer",
            ("Answer.QuestionId", first.ToString()), ("Answer.OptionIds", chosen.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/moje-szkolenie/test/{attempt}?pytanie=2&zapisano=1", response.Headers.Location?.PathAndQuery);
        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Put, $"/api/training/attempts/{attempt}/answers/{first}"));
        Assert.Equal([chosen], sent.GetProperty("optionIds").EnumerateArray().Select(o => o.GetGuid()));
        var next = WebUtility.HtmlDecode(await browser.GetStringAsync(response.Headers.Location!.PathAndQuery, TestContext.Current.CancellationToken));
        Assert.Contains("Zapisano odpowiedź na pytanie 1.", next);
        Assert.Contains("Pytanie 2 z 2:", next);
        Assert.Contains("role=\"timer\" aria-live=\"off\"", next);
        Assert.Contains("Pozostały czas: 25 min.", next);
    }

    [Fact]
    public async Task An_answer_posted_after_the_test_closed_is_not_sent_and_the_page_says_why_with_the_score()
    {
        var (attempt, question, option) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var open = new AttemptView(attempt, "M1", "post", 1, Start, Start.AddMinutes(30), Start.AddMinutes(5), null, null, false,
            [new(question, "single", "Pytanie", [new(option, "A", null), new(Guid.NewGuid(), "B", null)], [], null, null)]);
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}", open);
        var browser = _web.Browser(Roles.JstMember);
        var form = await browser.GetStringAsync($"/moje-szkolenie/test/{attempt}", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Meanwhile the time ran out: the service now shows the attempt finished and scored.
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}",
            open with { FinishedAt = Start.AddMinutes(30), Result = new AttemptResult(3, 5, 60m), ServerTime = Start.AddMinutes(31) });

        var page = await WebWithFakeTraining.PageAsync(await browser.PostAsync($"/moje-szkolenie/test/{attempt}", new FormUrlEncodedContent(
            [new("_handler", "answer"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("Answer.QuestionId", question.ToString()),
             new("Answer.OptionIds", option.ToString())]), TestContext.Current.CancellationToken));

        Assert.Empty(_web.Training.Sent(HttpMethod.Put, $"/api/training/attempts/{attempt}/answers/{question}"));
        Assert.Contains("Test jest już zakończony", page);
        Assert.Contains("Wynik: 3 z 5 pkt (60 %).", page);
    }

    [Fact]
    public async Task My_training_shows_the_modules_progress_and_starting_a_test_leads_to_its_attempt()
    {
        var (cohort, attempt) = (Guid.NewGuid(), Guid.NewGuid());
        var rules = new CohortRules(cohort, "Grupa 1", 1, 60m, 80m, [new("M1", "Diagnoza", 16m)]);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[]
        {
            new CohortResults(rules, [new(Guid.NewGuid(), Guid.NewGuid(), "Anna Testowa", "1465011", "Warszawa", "woman", null,
                [new("M1", "Diagnoza", 16m, 4m, 25m, false, null, null, 0, false, false, false)], false, null, null)]),
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Json(HttpMethod.Post, "/api/training/me/modules/M1/tests/pre",
            new AttemptView(attempt, "M1", "pre", 1, Start, null, Start, null, null, false, []), HttpStatusCode.Created);
        var browser = _web.Browser(Roles.JstMember);

        var response = await WebWithFakeTraining.PostFormAsync(browser, "/moje-szkolenie", "start-M1-pre");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/moje-szkolenie/test/{attempt}", response.Headers.Location?.PathAndQuery);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/moje-szkolenie", TestContext.Current.CancellationToken));
        Assert.Contains("4 z 16 godz. — do wymaganej obecności (80 %, 12,8 godz.) brakuje 8,8 godz.", page);
        Assert.Contains("Nie ma zaplanowanych zajęć.", page);
        Assert.Equal(1, page.Split("<h1").Length - 1);
    }

    [Fact]
    public async Task A_start_posted_after_the_test_closed_still_finds_its_form_and_shows_the_services_reason()
    {
        var cohort = Guid.NewGuid();
        var rules = new CohortRules(cohort, "Grupa 1", 1, 60m, 80m, [new("M1", "Diagnoza", 16m)]);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[]
        {
            new CohortResults(rules, [new(Guid.NewGuid(), Guid.NewGuid(), "Anna Testowa", "1465011", "Warszawa", "woman", null,
                [new("M1", "Diagnoza", 16m, 0m, 0m, false, null, null, 0, false, false, false)], false, null, null)]),
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Problem(HttpMethod.Post, "/api/training/me/modules/M1/tests/pre", HttpStatusCode.Conflict,
            new { title = "Pre-test jest już zamknięty.", status = 409, detail = "Pre-test rozwiązuje się przed pierwszymi zajęciami modułu, a te już się zaczęły." });
        var browser = _web.Browser(Roles.JstMember);
        var form = await browser.GetStringAsync("/moje-szkolenie", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Meanwhile the module's first session has started: the page no longer offers the pre-test.
        var started = DateTimeOffset.UtcNow.AddMinutes(-5);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", new[]
        {
            new SessionView(Guid.NewGuid(), cohort, "Grupa 1", "M1", "Diagnoza", started, started.AddHours(3), "online", null, new Uri("https://meet.example/1"), 20, 3m, 0),
        });

        var page = await WebWithFakeTraining.PageAsync(await browser.PostAsync("/moje-szkolenie", new FormUrlEncodedContent(
            [new("_handler", "start-M1-pre"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), TestContext.Current.CancellationToken));

        Assert.Contains("Nie rozpoczęto testu (pre-test, moduł M1):", page);
        Assert.Contains("Pre-test jest już zamknięty. Pre-test rozwiązuje się przed pierwszymi zajęciami modułu, a te już się zaczęły.", page);
    }
}
