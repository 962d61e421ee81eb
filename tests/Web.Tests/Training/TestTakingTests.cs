using System.Globalization;
using Cro.Web.Training;
using Cro.Web.Training.Participant;

namespace Cro.Web.Tests.Training;

/// <summary>The test-taking page's parts: the timer's words from the server's clock, and a question as radio buttons or checkboxes.</summary>
public sealed class TestTakingTests
{
    private static readonly DateTimeOffset ServerTime = new(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(2));

    private static AttemptView Attempt(DateTimeOffset? closesAt, params AttemptQuestion[] questions) =>
        new AttemptView
        {
            Id = Guid.NewGuid(), ModuleCode = "M1", Kind = "post", Number = 1, StartedAt = ServerTime.AddMinutes(-5), ClosesAt = closesAt,
            ServerTime = ServerTime, FinishedAt = null, Result = null, Review = false, Questions = questions,
        };

    private static AttemptQuestion Question(string kind, params Guid[] answer) => new AttemptQuestion
    {
        Id = Guid.NewGuid(), Kind = kind, Text = "Które dane zbiera diagnoza?",
        Options = [new AttemptOption
        {
            Id = Guid.NewGuid(), Text = "Sprzęt szkół", IsCorrect = null,
        }, new AttemptOption
        {
            Id = Guid.NewGuid(), Text = "Kompetencje nauczycieli", IsCorrect = null,
        }, new AttemptOption { Id = Guid.NewGuid(), Text = "Pogoda", IsCorrect = null }],
        Answer = answer, Correct = null, Explanation = null,
    };

    [Theory]
    [InlineData(3 * 3600 + 125, "Pozostały czas: 3 godz. 2 min.")]
    [InlineData(14 * 60 + 30, "Pozostały czas: 14 min.")]
    [InlineData(4 * 60 + 5, "Pozostały czas: 4 min 5 s.")]
    [InlineData(45, "Pozostały czas: 45 s.")]
    [InlineData(0, "Czas na test minął.")]
    [InlineData(-30, "Czas na test minął.")]
    public void The_time_left_is_counted_from_the_servers_clock_and_worded_for_any_number(int seconds, string text)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");

        var timer = TestTimer.Of(Attempt(ServerTime.AddSeconds(seconds)));

        Assert.Equal(text, timer.RemainingText);
        Assert.Equal(Math.Max(seconds, 0), timer.RemainingSeconds);
    }

    [Fact]
    public async Task The_timer_is_visible_text_in_a_timer_role_that_is_not_read_out_at_every_change()
    {
        var html = await ComponentHtml.RenderAsync<TestTimerText>(new() { ["Timer"] = TestTimer.Of(Attempt(ServerTime.AddMinutes(20))) });

        Assert.Contains("<p role=\"timer\" aria-live=\"off\" aria-atomic=\"true\" id=\"test-timer\" class=\"timer-text\">Pozostały czas: 20 min.</p>", html);
        Assert.Contains("data-remaining=\"1200\"", html);
        Assert.Contains("Odpowiedzi przyjmujemy do 10:20 (czas warszawski)", html);
        Assert.Contains("role=\"status\"", html);
    }

    [Fact]
    public async Task An_untimed_test_shows_no_timer()
    {
        var html = await ComponentHtml.RenderAsync<TestTimerText>(new() { ["Timer"] = TestTimer.Of(Attempt(null)) });

        Assert.DoesNotContain("timer", html);
    }

    [Fact]
    public async Task A_single_choice_question_is_a_group_of_radio_buttons_under_its_legend_with_the_saved_answer_chosen()
    {
        var question = Question("single");
        question = question.With(new { Answer = new[] { question.Options[1].Id } });

        var html = await ComponentHtml.RenderAsync<QuestionFieldset>(new()
        {
            ["Question"] = question, ["Number"] = 2, ["Count"] = 20, ["Selected"] = question.Answer,
        });

        Assert.Contains("<fieldset class=\"question choices\" id=\"question-2\" aria-describedby=\"question-2-hint\">", html);
        Assert.Contains("<legend><span class=\"question-number\">Pytanie 2 z 20:</span> Które dane zbiera diagnoza?</legend>", html);
        Assert.Contains("Wybierz jedną odpowiedź.", html);
        Assert.Equal(3, html.Split("type=\"radio\"").Length - 1);
        Assert.DoesNotContain("type=\"checkbox\"", html);
        Assert.Contains($"value=\"{question.Options[1].Id}\" checked", html);
        Assert.Contains($"<label for=\"question-2-{question.Options[0].Id}\">Sprzęt szkół</label>", html);
        Assert.Equal(3, html.Split("name=\"Answer.OptionIds\"").Length - 1);
    }

    [Fact]
    public async Task A_multiple_choice_question_is_checkboxes_and_says_every_right_answer_must_be_ticked()
    {
        var question = Question("multiple");

        var html = await ComponentHtml.RenderAsync<QuestionFieldset>(new()
        {
            ["Question"] = question, ["Number"] = 1, ["Count"] = 1, ["Messages"] = (IReadOnlyList<string>)["Zaznacz co najmniej jedną odpowiedź."],
        });

        Assert.Equal(3, html.Split("type=\"checkbox\"").Length - 1);
        Assert.DoesNotContain("type=\"radio\"", html);
        Assert.Contains("Zaznacz wszystkie poprawne odpowiedzi", html);
        Assert.Contains("aria-describedby=\"question-1-hint question-1-error\"", html);
        Assert.Contains("Zaznacz co najmniej jedną odpowiedź.", html);
        Assert.DoesNotContain("checked", html);
    }

    [Fact]
    public async Task In_review_a_question_shows_the_choice_the_right_answer_and_the_explanation()
    {
        var right = Guid.NewGuid();
        var wrong = Guid.NewGuid();
        var question = new AttemptQuestion
        {
            Id = Guid.NewGuid(), Kind = "single", Text = "Co mierzy pre-test?",
            Options = [new AttemptOption
            {
                Id = right, Text = "Wiedzę przed modułem", IsCorrect = true,
            }, new AttemptOption { Id = wrong, Text = "Frekwencję", IsCorrect = false }],
            Answer = [wrong], Correct = false, Explanation = "Pre-test jest punktem odniesienia.",
        };

        var html = await ComponentHtml.RenderAsync<QuestionReview>(new() { ["Question"] = question, ["Number"] = 1 });

        Assert.Contains("Odpowiedź niepoprawna.", html);
        Assert.Contains("Frekwencję<strong> — Twój wybór</strong>", html);
        Assert.Contains("Wiedzę przed modułem<strong> — poprawna odpowiedź</strong>", html);
        Assert.Contains("Pre-test jest punktem odniesienia.", html);
    }
}
