using Cro.Web.Evaluation.Api;

namespace Cro.Web.Tests.Evaluation;

/// <summary>
/// The survey pages against a fake evaluation service: someone without an account answers through the mailed link (radio groups
/// under their legends, what the form sends, a thank-you), refused answers stay beside their questions, an answered or closed
/// survey answers as the service did; a team member lists their own; ORE sees groups, a group's results with charts and their
/// words (nothing for a group too small), the module report with the learning gain, and downloads the exports.
/// </summary>
public sealed class SurveyPageTests : IDisposable
{
    private const string Token = "Zr4bQm1oUeGN5t4vY0h9sJd3WkL7xPzAa8bRfTnE6uI";
    private const string Link = $"/api/evaluation/surveys/links/{Token}";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static SurveyForm Form => new()
    {
        Title = "Ankieta po module szkolenia", Intro = "Twoje odpowiedzi są anonimowe.", Subject = "moduł M1: Przygotowanie diagnozy",
        ClosesOn = new DateOnly(2026, 12, 28), MaxTextLength = 2000,
        Questions =
        [
            new SurveyQuestion { Id = "content-useful", Kind = "scale", Text = "Treści modułu przydadzą mi się w pracy w JST.", Required = true, Low = "zdecydowanie nie", High = "zdecydowanie tak" },
            new SurveyQuestion
            {
                Id = "pace", Kind = "choice", Text = "Tempo zajęć było:", Required = true,
                Options = [new SurveyQuestionOption { Id = "too-slow", Text = "za wolne" }, new SurveyQuestionOption { Id = "right", Text = "odpowiednie" }],
            },
            new SurveyQuestion { Id = "best", Kind = "text", Text = "Co było dla Ciebie najcenniejsze?", Required = false },
        ],
    };

    [Fact]
    public async Task Someone_without_an_account_answers_through_the_link_and_is_thanked()
    {
        _web.Evaluation.Json(HttpMethod.Get, Link, Form);
        _web.Evaluation.Json(HttpMethod.Post, $"{Link}/answers", new { }, HttpStatusCode.NoContent);
        var browser = _web.Browser();

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/ankiety/{Token}", Ct));
        Assert.Contains("<legend>Treści modułu przydadzą mi się w pracy w JST.</legend>", html);
        Assert.Contains("Skala od 1 (zdecydowanie nie) do 5 (zdecydowanie tak).", html);
        Assert.Contains("<label for=\"survey-pace-right\">odpowiednie</label>", html);
        Assert.Contains("<label for=\"survey-best\">", html);
        Assert.Contains("(nieobowiązkowe)", html);
        Assert.Contains("do 28 grudnia 2026", html);
        Assert.DoesNotContain("style=", html);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/ankiety/{Token}", "survey",
            ("q.content-useful", "4"), ("q.pace", "right"), ("q.best", "  Przykłady z innych gmin. "), ("q.improve", "")));

        var sent = Assert.Single(_web.Evaluation.Sent(HttpMethod.Post, $"{Link}/answers")).GetProperty("answers");
        Assert.Equal(("4", "right", "Przykłady z innych gmin."), (sent.GetProperty("content-useful").GetString(), sent.GetProperty("pace").GetString(),
            sent.GetProperty("best").GetString()));
        Assert.False(sent.TryGetProperty("improve", out _));
        Assert.Contains("Dziękujemy za wypełnienie ankiety!", page);
    }

    [Fact]
    public async Task Refused_answers_stay_beside_their_question_and_an_answered_or_closed_survey_says_so()
    {
        _web.Evaluation.Json(HttpMethod.Get, Link, Form);
        _web.Evaluation.Problem(HttpMethod.Post, $"{Link}/answers", HttpStatusCode.BadRequest, new
        {
            title = "Dane wejściowe są nieprawidłowe.", status = 400,
            errors = new Dictionary<string, string[]> { ["content-useful"] = ["Odpowiedz na pytanie „Treści modułu przydadzą mi się w pracy w JST.”."] },
        });
        var browser = _web.Browser();

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/ankiety/{Token}", "survey",
            ("q.pace", "too-slow"), ("q.best", "Mniej teorii")));

        Assert.Contains("Odpowiedz na pytanie „Treści modułu przydadzą mi się w pracy w JST.”.", page);
        Assert.Contains($"href=\"/ankiety/{Token}#survey-content-useful-1\"", page);
        Assert.Contains("id=\"survey-pace-too-slow\" name=\"q.pace\" value=\"too-slow\" checked", page);
        Assert.Contains(">Mniej teorii</textarea>", page);

        _web.Evaluation.Problem(HttpMethod.Get, "/api/evaluation/surveys/links/answered-token-0123456789abc", HttpStatusCode.Conflict,
            new { title = "Ankieta została już wypełniona.", status = 409, detail = "Na tę ankietę odpowiedziano już z tego zaproszenia." });
        var answered = await browser.GetAsync("/ankiety/answered-token-0123456789abc", Ct);
        Assert.Equal(HttpStatusCode.Conflict, answered.StatusCode);
        Assert.Contains("Ankieta została już wypełniona.", WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync(Ct)));

        _web.Evaluation.Problem(HttpMethod.Get, "/api/evaluation/surveys/links/closed-token-0123456789abcd", HttpStatusCode.Gone,
            new { title = "Ankieta jest już zamknięta.", status = 410, detail = "Odpowiedzi przyjmowaliśmy do 28 grudnia 2026 r." });
        var closed = await browser.GetAsync("/ankiety/closed-token-0123456789abcd", Ct);
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains("Odpowiedzi przyjmowaliśmy do 28 grudnia 2026 r.", WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_team_member_sees_their_surveys_and_answers_an_open_one()
    {
        var open = Guid.NewGuid();
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/mine",
            new[]
            {
                new MySurvey { Id = open, Title = "Ankieta po module szkolenia", Subject = "moduł M2", ClosesOn = new DateOnly(2026, 12, 28), Answered = false, Open = true },
                new MySurvey { Id = Guid.NewGuid(), Title = "Ankieta na zakończenie doradztwa", Subject = "doradztwo", ClosesOn = new DateOnly(2026, 11, 2), Answered = true, Open = false },
            });
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/surveys/mine/{open}", Form);
        var browser = _web.Browser(Roles.JstMember);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync("/moje-ankiety", Ct));
        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/moje-ankiety/{open}", Ct));

        Assert.Contains($"<a href=\"/moje-ankiety/{open}\">Ankieta po module szkolenia</a>", list);
        Assert.Contains("wypełniona", list);
        Assert.Contains("<legend>Tempo zajęć było:</legend>", form);
        Assert.Equal(HttpStatusCode.Forbidden, (await _web.Browser(Roles.Trainer).GetAsync("/moje-ankiety", Ct)).StatusCode);
    }

    private static SurveyGroupResult Result(bool enough, string by = "module", string key = "M1", string label = "M1: Przygotowanie diagnozy") => new()
    {
        By = by, Key = key, Label = label, Answers = enough ? 5 : 4, Threshold = 5, Enough = enough,
        Questions = enough
            ?
            [
                new SurveyQuestionResult
                {
                    Id = "content-useful", Text = "Treści modułu przydadzą mi się w pracy w JST.", Kind = "scale", Answered = 5, Mean = 3.8, Distribution = [0, 1, 1, 1, 2],
                    Options = null, OpenAnswers = null,
                },
                new SurveyQuestionResult
                {
                    Id = "pace", Text = "Tempo zajęć było:", Kind = "choice", Answered = 5, Mean = null, Distribution = null, OpenAnswers = null,
                    Options = [new SurveyOptionCount { Id = "right", Text = "odpowiednie", Count = 4 }, new SurveyOptionCount { Id = "too-fast", Text = "za szybkie", Count = 1 }],
                },
                new SurveyQuestionResult
                {
                    Id = "best", Text = "Co było dla Ciebie najcenniejsze?", Kind = "text", Answered = 2, Mean = null, Distribution = null, Options = null,
                    OpenAnswers = ["Ćwiczenia na danych", "Przykłady z gmin"],
                },
            ]
            : [],
    };

    [Fact]
    public async Task ORE_sees_the_groups_a_groups_results_with_charts_in_words_and_nothing_for_a_small_group()
    {
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/results?by=trainer", new SurveyGroupList
        {
            By = "trainer", Threshold = 5,
            Groups = [new SurveyGroupSummary { Key = "7d3f", Label = "Tomasz Trener", Answers = 4, Enough = false }],
        });
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/results/module/M1", Result(enough: true));
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/results/trainer/7d3f", Result(enough: false, "trainer", "7d3f", "Tomasz Trener"));
        var browser = _web.Browser(Roles.Operator);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/ankiety?wedlug=trainer", Ct));
        var group = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/ankiety/module/M1", Ct));
        var small = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/ankiety/trainer/7d3f", Ct));

        Assert.Contains("<a href=\"/administracja/ankiety/trainer/7d3f\">Tomasz Trener</a>", list);
        Assert.Contains("za mało odpowiedzi (n < 5)", list);
        Assert.Contains("href=\"/administracja/ankiety/eksport?wedlug=trainer&format=xlsx\"", list);
        Assert.Contains("Średnia: 3,80 (skala 1–5; odpowiedzi: 5).", group);
        Assert.Contains("<dt>ocena 5</dt>", group);
        Assert.Contains("2 (40%)", group);
        Assert.Contains("aria-hidden=\"true\"", group);
        Assert.Contains("4 (80%)", group);
        Assert.Contains("<li>Ćwiczenia na danych</li>", group);
        Assert.DoesNotContain("style=", group);
        Assert.Contains("za mało odpowiedzi (n < 5)", small);
        Assert.DoesNotContain("Średnia", small);
        Assert.Equal(HttpStatusCode.Forbidden, (await _web.Browser(Roles.JstMember).GetAsync("/administracja/ankiety", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_module_report_shows_the_learning_gain_beside_the_survey_results()
    {
        var cohortId = Guid.NewGuid();
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/surveys/reports/modules/M1?cohortId={cohortId}", new SurveyModuleReport
        {
            ModuleCode = "M1", ModuleTitle = "Przygotowanie diagnozy", CohortId = cohortId, CohortName = "Grupa opolska 1", Survey = Result(enough: true),
            Learning = new SurveyLearningGain { Participants = 12, Enough = true, PreTestTaken = 11, MeanPreTest = 45.5, MeanPostTest = 78.2, MeanGain = 32.1, ShareRaised = 91.7 },
        });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/administracja/ankiety/raport/M1?grupa={cohortId}", Ct));

        Assert.Contains("Raport modułu M1: Przygotowanie diagnozy — Grupa opolska 1", html);
        Assert.Contains("45,5%", html);
        Assert.Contains("(osób, które go pisały: 11)", html);
        Assert.Contains("32,1 pkt proc.", html);
        Assert.Contains("91,7%", html);
        Assert.Contains("Średnia: 3,80", html);
    }

    [Fact]
    public async Task A_trainer_sees_their_own_groups_and_a_groups_results()
    {
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/results/own", new SurveyOwnGroups
        {
            Threshold = 5, Groups = [new SurveyOwnGroup { By = "trainer", Key = "7d3f", Label = "Tomasz Trener", Answers = 5, Enough = true }],
        });
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/results/trainer/7d3f", Result(enough: true, "trainer", "7d3f", "Tomasz Trener"));
        var browser = _web.Browser(Roles.Trainer);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync("/moje-wyniki-ankiet", Ct));
        var group = await WebWithFakeServices.PageAsync(await browser.GetAsync("/moje-wyniki-ankiet/trainer/7d3f", Ct));

        Assert.Contains("href=\"/moje-wyniki-ankiet/trainer/7d3f\"", list);
        Assert.Contains("trener: Tomasz Trener", group);
        Assert.Contains("Średnia: 3,80", group);
        Assert.Equal(HttpStatusCode.Forbidden, (await _web.Browser(Roles.JstMember).GetAsync("/moje-wyniki-ankiet", Ct)).StatusCode);
    }

    [Fact]
    public async Task ORE_reads_the_templates_with_their_questions()
    {
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/surveys/templates", new[]
        {
            new SurveyTemplate
            {
                Id = Guid.NewGuid(), Code = "modul", Version = 2, Occasion = "module-completed", Title = "Ankieta po module szkolenia", Intro = "Krótko.",
                CreatedAt = DateTimeOffset.UtcNow, Questions = Form.Questions,
            },
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/ankiety/szablony", Ct));

        Assert.Contains("Ankieta po module szkolenia (modul, wersja 2)", html);
        Assert.Contains("Wysyłana po ukończeniu modułu szkolenia.", html);
        Assert.Contains("(wybór: za wolne, odpowiednie)", html);
        Assert.Contains("(odpowiedź otwarta, nieobowiązkowe)", html);
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_export_is_relayed_with_its_type(string format, string contentType)
    {
        _web.Evaluation.File($"/api/evaluation/surveys/results/export?by=cohort&format={format}", [1, 2, 3], contentType, $"wyniki-ankiet-cohort.{format}");
        var browser = _web.Browser(Roles.Operator);

        var response = await browser.GetAsync($"/administracja/ankiety/eksport?wedlug=cohort&format={format}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync(Ct));
    }
}
