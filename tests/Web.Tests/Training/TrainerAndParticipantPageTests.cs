namespace Cro.Web.Tests.Training;

/// <summary>The attendance sheet and the test-taking page, driven through their real forms against a fake training service.</summary>
public sealed class TrainerAndParticipantPageTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static readonly DateTimeOffset Start = new(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task The_attendance_form_sends_every_marked_row_and_shows_the_reason_the_service_requires_after_the_session()
    {
        var (session, anna, jan) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var view = new SessionView
        {
            Id = session, CohortId = Guid.NewGuid(), CohortName = "Grupa 1", ModuleCode = "M2", ModuleTitle = "Wykluczenie cyfrowe", StartsAt = Start,
            EndsAt = Start.AddHours(4), Form = "stationary", Place = "Sala 1", OnlineUrl = null, Capacity = 20, Hours = 4, Sequence = 0,
        };
        _web.Training.Json(HttpMethod.Get, $"/api/training/sessions/{session}/attendance",
            new AttendanceSheet
            {
                Session = view,
                Rows = [new AttendanceRow
                {
                    ParticipantId = anna, FullName = "Anna Nowak", JstTerc = "1465011", JstName = "Warszawa", Status = null, Source = null,
                    RecordedAt = null,
                }, new AttendanceRow
                {
                    ParticipantId = jan, FullName = "Jan Kowalski", JstTerc = "1465011", JstName = "Warszawa", Status = null, Source = null,
                    RecordedAt = null,
                }],
            });
        _web.Training.Json(HttpMethod.Get, $"/api/training/sessions/{session}/attendance/corrections", Array.Empty<AttendanceCorrection>());
        _web.Training.Problem(HttpMethod.Put, $"/api/training/sessions/{session}/attendance", HttpStatusCode.BadRequest,
            new
            {
                title = "Nieprawidłowe dane.", status = 400, errors = new Dictionary<string,
                string[]> { ["reason"] = ["Zajęcia się skończyły: podaj powód korekty obecności."] },
            });
        var browser = _web.Browser(Roles.Trainer);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/trener/sesje/{session}", "attendance",
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
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}", new AttemptView { Id = attempt, ModuleCode = "M1", Kind = "pre", Number = 1, StartedAt = Start, ClosesAt = Start.AddMinutes(30), ServerTime = Start.AddMinutes(5), FinishedAt = null, Result = null, Review = false, Questions = [
                new AttemptQuestion
                {
                    Id = first, Kind = "single", Text = "Pytanie pierwsze",
                    Options = [new AttemptOption
                    {
                        Id = Guid.NewGuid(), Text = "A", IsCorrect = null,
                    }, new AttemptOption { Id = chosen, Text = "B", IsCorrect = null }],
                    Answer = [], Correct = null, Explanation = null,
                },
                new AttemptQuestion
                {
                    Id = Guid.NewGuid(), Kind = "multiple", Text = "Pytanie drugie",
                    Options = [new AttemptOption
                    {
                        Id = Guid.NewGuid(), Text = "C", IsCorrect = null,
                    }, new AttemptOption { Id = Guid.NewGuid(), Text = "D", IsCorrect = null }],
                    Answer = [], Correct = null, Explanation = null,
                },
            ] });
        _web.Training.Json(HttpMethod.Put, $"/api/training/attempts/{attempt}/answers/{first}", new SavedAnswer
        {
            QuestionId = first, OptionIds = [chosen], SavedAt = Start.AddMinutes(6), ClosesAt = Start.AddMinutes(30),
        });
        var browser = _web.Browser(Roles.JstMember);

        var response = await WebWithFakeServices.PostFormAsync(browser, $"/moje-szkolenie/test/{attempt}?pytanie=1", "answer",
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
        var open = new AttemptView
        {
            Id = attempt, ModuleCode = "M1", Kind = "post", Number = 1, StartedAt = Start, ClosesAt = Start.AddMinutes(30),
            ServerTime = Start.AddMinutes(5), FinishedAt = null, Result = null, Review = false,
            Questions = [new AttemptQuestion
            {
                Id = question, Kind = "single", Text = "Pytanie",
                Options = [new AttemptOption
                {
                    Id = option, Text = "A", IsCorrect = null,
                }, new AttemptOption { Id = Guid.NewGuid(), Text = "B", IsCorrect = null }],
                Answer = [], Correct = null, Explanation = null,
            }],
        };
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}", open);
        var browser = _web.Browser(Roles.JstMember);
        var form = await browser.GetStringAsync($"/moje-szkolenie/test/{attempt}", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Meanwhile the time ran out: the service now shows the attempt finished and scored.
        _web.Training.Json(HttpMethod.Get, $"/api/training/attempts/{attempt}",
            open.With(new
            {
                FinishedAt = Start.AddMinutes(30), Result = new AttemptResult { Points = 3, MaxPoints = 5, Percent = 60 },
                ServerTime = Start.AddMinutes(31),
            }));

        var page = await WebWithFakeServices.PageAsync(await browser.PostAsync($"/moje-szkolenie/test/{attempt}", new FormUrlEncodedContent(
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
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[] { TrainingFixtures.MyResults(cohort, ("M1", "Diagnoza", 16, 4)) });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Json(HttpMethod.Post, "/api/training/me/modules/M1/tests/pre",
            new AttemptView
            {
                Id = attempt, ModuleCode = "M1", Kind = "pre", Number = 1, StartedAt = Start, ClosesAt = null, ServerTime = Start, FinishedAt = null,
                Result = null, Review = false, Questions = [],
            }, HttpStatusCode.Created);
        var browser = _web.Browser(Roles.JstMember);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/moje-szkolenie", "start-M1-pre");

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
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[] { TrainingFixtures.MyResults(cohort, ("M1", "Diagnoza", 16, 0)) });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Problem(HttpMethod.Post, "/api/training/me/modules/M1/tests/pre", HttpStatusCode.Conflict,
            new
            {
                title = "Pre-test jest już zamknięty.", status = 409,
                detail = "Pre-test rozwiązuje się przed pierwszymi zajęciami modułu, a te już się zaczęły.",
            });
        var browser = _web.Browser(Roles.JstMember);
        var form = await browser.GetStringAsync("/moje-szkolenie", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Meanwhile the module's first session has started: the page no longer offers the pre-test.
        var started = DateTimeOffset.UtcNow.AddMinutes(-5);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", new[]
        {
            new SessionView
            {
                Id = Guid.NewGuid(), CohortId = cohort, CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza", StartsAt = started,
                EndsAt = started.AddHours(3), Form = "online", Place = null, OnlineUrl = new Uri("https://meet.example/1"), Capacity = 20, Hours = 3,
                Sequence = 0,
            },
        });

        var page = await WebWithFakeServices.PageAsync(await browser.PostAsync("/moje-szkolenie", new FormUrlEncodedContent(
            [new("_handler", "start-M1-pre"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), TestContext.Current.CancellationToken));

        Assert.Contains("Nie rozpoczęto testu (pre-test, moduł M1):", page);
        Assert.Contains("Pre-test jest już zamknięty. Pre-test rozwiązuje się przed pierwszymi zajęciami modułu, a te już się zaczęły.", page);
    }
}
