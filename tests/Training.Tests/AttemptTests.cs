using Cro.Training.Features.Validation;

namespace Cro.Training.Tests;

public sealed class AttemptTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<IReadOnlyList<int>> AnswersAsync(Guid attemptId) =>
        service.QueryAsync<int>("SELECT count(*)::int FROM attempt_answers WHERE attempt_id = @attemptId", new { attemptId });

    [Fact]
    public async Task A_pre_test_is_taken_once_before_the_module_starts_and_resumes_in_the_order_it_was_shuffled_in()
    {
        var bank = await Lms.BankAsync(service, "M1", 6);
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M1", TimeSpan.FromHours(2), 8m));

        var started = await Lms.StartAsync(learner.Client, "M1", TestKind.Pre);
        var attempt = (await started.Content.ReadFromJsonAsync<AttemptView>(Ct))!;
        var again = await Lms.StartAsync(learner.Client, "M1", TestKind.Pre);
        var resumed = (await again.Content.ReadFromJsonAsync<AttemptView>(Ct))!;
        var current = await learner.Client.GetFromJsonAsync<AttemptView>("/api/training/me/modules/M1/tests/pre", Ct);
        var question = attempt.Questions[0];
        var first = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id, question.Options[0].Id);
        var same = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id, question.Options[0].Id);
        var finished = await Lms.FinishAsync(learner.Client, attempt.Id);
        var finishedAgain = await Lms.FinishAsync(learner.Client, attempt.Id);
        var second = await Lms.StartAsync(learner.Client, "M1", TestKind.Pre);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(attempt.Id, resumed.Id);
        Assert.Equal(bank.Questions.Select(q => q.Id).Order(), attempt.Questions.Select(q => q.Id).Order());
        Assert.Equal(Order(attempt), Order(resumed));
        Assert.Equal(Order(attempt), Order(current!));
        Assert.All(attempt.Questions.SelectMany(q => q.Options), o => Assert.Null(o.IsCorrect));
        Assert.Equal(learner.Sessions[0].StartsAt, attempt.ClosesAt);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, same.StatusCode));
        Assert.Equal([1], await AnswersAsync(attempt.Id));
        Assert.Equal(6, finished.Result!.MaxPoints);
        Assert.Equal(finished.Result, finishedAgain.Result);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync("/api/training/me/modules/M1/tests/pre", Ct)).StatusCode);
    }

    [Fact]
    public async Task Each_attempt_has_its_own_order_of_questions_and_options()
    {
        await Lms.BankAsync(service, "M1", 6);
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var learner = await Lms.CohortAsync(service, Teams.Gromadka, ("M1", TimeSpan.FromHours(2), 8m));
            orders.Add(Order(await Lms.StartedAsync(learner.Client, "M1", TestKind.Pre)));
        }

        // Three identical shuffles of six questions with three options each would be a chance of about one in 10^14.
        Assert.True(orders.Distinct().Count() > 1);
    }

    [Fact]
    public async Task The_pre_test_closes_when_the_module_starts_and_the_post_test_opens_when_its_last_session_ends()
    {
        await Lms.BankAsync(service, "M2", 2);
        var learner = await Lms.CohortAsync(service, Teams.Osiecznica, ("M2", TimeSpan.FromHours(1), 2m), ("M2", TimeSpan.FromHours(4), 2m));

        var postTooEarly = await Lms.StartAsync(learner.Client, "M2", TestKind.Post);
        service.Clock.Advance(TimeSpan.FromMinutes(61));
        var preTooLate = await Lms.StartAsync(learner.Client, "M2", TestKind.Pre);
        service.Clock.Advance(TimeSpan.FromHours(5));
        var postOpen = await Lms.StartAsync(learner.Client, "M2", TestKind.Post);

        Assert.Equal(HttpStatusCode.Conflict, postTooEarly.StatusCode);
        Assert.Contains("Post-test otwiera się po ostatnich zajęciach", await postTooEarly.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, preTooLate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, postOpen.StatusCode);
    }

    [Fact]
    public async Task An_answer_after_the_time_limit_is_refused_and_not_stored_and_finishing_late_scores_what_was_saved_in_time()
    {
        var limits = await service.Operator().PutAsJsonAsync("/api/training/modules/M5/tests/settings", new QuestionBank.SettingsRequest(10, null), Ct);
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        var bank = (await Lms.BankAsync(service, "M5", 4)).Questions.ToDictionary(q => q.Id);
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M5", TimeSpan.FromDays(2), 4m));
        var attempt = await Lms.StartedAsync(learner.Client, "M5", TestKind.Pre);
        Guid Right(int i) => bank[attempt.Questions[i].Id].Options.Single(o => o.IsCorrect).Id;

        var inTime = await Lms.AnswerAsync(learner.Client, attempt.Id, attempt.Questions[0].Id, Right(0));
        service.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        var late = await Lms.AnswerAsync(learner.Client, attempt.Id, attempt.Questions[1].Id, Right(1));
        var finished = await Lms.FinishAsync(learner.Client, attempt.Id);

        Assert.Equal(attempt.StartedAt.AddMinutes(10), attempt.ClosesAt);
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Czas na test minął", await late.Content.ReadAsStringAsync(Ct));
        Assert.Equal([1], await AnswersAsync(attempt.Id));
        Assert.Equal(new AttemptResult(1, 4, 25m), finished.Result);
        Assert.Equal(attempt.ClosesAt, finished.FinishedAt);
    }

    [Fact]
    public async Task An_attempt_left_open_past_its_limit_is_scored_when_its_participant_comes_back()
    {
        await service.Operator().PutAsJsonAsync("/api/training/modules/M5/tests/settings", new QuestionBank.SettingsRequest(10, null), Ct);
        await Lms.BankAsync(service, "M5", 4);
        var learner = await Lms.CohortAsync(service, Teams.Gromadka, ("M5", TimeSpan.FromDays(2), 4m));
        var attempt = await Lms.StartedAsync(learner.Client, "M5", TestKind.Pre);
        await Lms.AnswerAsync(service, learner.Client, attempt, right: 4);

        service.Clock.Advance(TimeSpan.FromMinutes(30));
        var current = await learner.Client.GetFromJsonAsync<AttemptView>("/api/training/me/modules/M5/tests/pre", Ct);

        Assert.Equal(attempt.Id, current!.Id);
        Assert.Equal(new AttemptResult(4, 4, 100m), current.Result);
        Assert.Equal(attempt.ClosesAt, current.FinishedAt);
    }

    [Fact]
    public async Task Bad_answers_are_a_4xx_problem_and_store_nothing()
    {
        await Lms.BankAsync(service, "M1", 6);
        var learner = await Lms.CohortAsync(service, Teams.Osiecznica, ("M1", TimeSpan.FromHours(3), 8m));
        var other = await Lms.CohortAsync(service, Teams.Osiecznica, ("M1", TimeSpan.FromHours(3), 8m));
        var attempt = await Lms.StartedAsync(learner.Client, "M1", TestKind.Pre);
        var (question, another) = (attempt.Questions[0], attempt.Questions[1]);

        var unknownQuestion = await Lms.AnswerAsync(learner.Client, attempt.Id, Guid.NewGuid(), question.Options[0].Id);
        var foreignOption = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id, another.Options[0].Id);
        var twoForSingle = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id, question.Options[0].Id, question.Options[1].Id);
        var none = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id);
        var notMine = await Lms.AnswerAsync(other.Client, attempt.Id, question.Id, question.Options[0].Id);
        var notMineToRead = await other.Client.GetAsync($"/api/training/attempts/{attempt.Id}", Ct);
        var notMineToFinish = await other.Client.PostAsync($"/api/training/attempts/{attempt.Id}/finish", null, Ct);
        var unknownKind = await Lms.StartAsync(learner.Client, "M1", "mid");
        var unknownModule = await Lms.StartAsync(learner.Client, "M9", TestKind.Pre);
        var notAParticipant = await Lms.StartAsync(service.Member($"{Guid.NewGuid():N}@gmina.example.pl", Teams.Osiecznica), "M1", TestKind.Pre);
        await Lms.FinishAsync(learner.Client, attempt.Id);
        var afterFinish = await Lms.AnswerAsync(learner.Client, attempt.Id, question.Id, question.Options[0].Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownQuestion.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignOption.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twoForSingle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMineToRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMineToFinish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownModule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAParticipant.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterFinish.StatusCode);
        foreach (var response in new[] { unknownQuestion, foreignOption, twoForSingle, notMine, afterFinish })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal([0], await AnswersAsync(attempt.Id));
    }

    [Fact]
    public async Task The_post_test_has_two_attempts_and_shows_the_right_answers_only_after_the_last()
    {
        await Lms.BankAsync(service, "M4", 3);
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M4", TimeSpan.FromHours(-5), 3m));

        var first = await Lms.TakeAsync(service, learner.Client, "M4", TestKind.Post, right: 1);
        var second = await Lms.TakeAsync(service, learner.Client, "M4", TestKind.Post, right: 2);
        var third = await Lms.StartAsync(learner.Client, "M4", TestKind.Post);
        var firstAgain = await learner.Client.GetFromJsonAsync<AttemptView>($"/api/training/attempts/{first.Id}", Ct);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.False(first.Review);
        Assert.All(first.Questions, q => Assert.Null(q.Explanation));
        Assert.True(second.Review);
        Assert.All(second.Questions, q => Assert.NotNull(q.Explanation));
        Assert.Equal(2, second.Questions.Count(q => q.Correct == true));
        Assert.True(firstAgain!.Review);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
    }

    private static string Order(AttemptView attempt) =>
        string.Join("|", attempt.Questions.Select(q => q.Id + ":" + string.Join(",", q.Options.Select(o => o.Id))));
}
