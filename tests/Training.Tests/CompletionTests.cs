using System.Text.Json;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Validation;

namespace Cro.Training.Tests;

/// <summary>Validation, raised competence and completion of a module, and the events that announce them, at the rules' edges.</summary>
public sealed class CompletionTests(TrainingService service) : IClassFixture<TrainingService>
{
    /// <summary>A participant with the whole of M2 (8 hours) in one session starting in an hour, so the pre-test is still open.</summary>
    private async Task<Lms.Learner> LearnerAsync(string jst = Teams.Boleslawiec)
    {
        await Lms.BankAsync(service, "M2", 5);
        return await Lms.CohortAsync(service, jst, ("M2", TimeSpan.FromHours(1), 8m));
    }

    /// <summary>Moves past the sessions scheduled so far (a day), so post-tests open.</summary>
    private void AfterTheModule() => service.Clock.Advance(TimeSpan.FromDays(1));

    private async Task<JsonElement> LastValidationAsync(Lms.Learner learner) =>
        (await service.EventsAsync(nameof(CompetenceValidated), e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId))[^1];

    private async Task<IReadOnlyList<JsonElement>> EventsOfAsync(string type, Lms.Learner learner) =>
        await service.EventsAsync(type, e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId);

    [Fact]
    public async Task Exactly_the_threshold_validates_and_just_below_it_does_not()
    {
        var passing = await LearnerAsync();
        var failing = await LearnerAsync(Teams.Gromadka);
        AfterTheModule();
        await Lms.MarkAsync(service, passing.Sessions[0], passing.Member.MemberId);
        await Lms.MarkAsync(service, failing.Sessions[0], failing.Member.MemberId);

        var sixty = await Lms.TakeAsync(service, passing.Client, "M2", TestKind.Post, right: 3);
        var forty = await Lms.TakeAsync(service, failing.Client, "M2", TestKind.Post, right: 2);
        var passed = await LastValidationAsync(passing);
        var failed = await LastValidationAsync(failing);

        Assert.Equal(60m, sixty.Result!.Percent);
        Assert.Equal(40m, forty.Result!.Percent);
        Assert.Equal((true, 60m, 60m), (passed.GetProperty("validated").GetBoolean(), passed.GetProperty("postTestScore").GetDecimal(),
            passed.GetProperty("threshold").GetDecimal()));
        Assert.False(failed.GetProperty("validated").GetBoolean());
        Assert.False(failed.GetProperty("raised").GetBoolean());
        // No pre-test: counted as 0 %, so the validated post-test is a raise.
        Assert.Equal((false, 0m, true), (passed.GetProperty("preTestTaken").GetBoolean(), passed.GetProperty("preTestScore").GetDecimal(),
            passed.GetProperty("raised").GetBoolean()));
        Assert.Equal((passing.Member.Sex, Teams.Boleslawiec, "M2"), (passed.GetProperty("sex").GetString(), passed.GetProperty("jstTerc").GetString(),
            passed.GetProperty("moduleCode").GetString()));
        // Attendance was complete before the post-test: finishing it completes the module, for the one who passed.
        var completed = Assert.Single(await EventsOfAsync(nameof(ModuleCompleted), passing));
        Assert.Equal((8m, 8m, passing.Member.Sex), (completed.GetProperty("attendedHours").GetDecimal(), completed.GetProperty("moduleHours").GetDecimal(),
            completed.GetProperty("sex").GetString()));
        Assert.Empty(await EventsOfAsync(nameof(ModuleCompleted), failing));
    }

    [Fact]
    public async Task Equal_pre_test_and_post_test_scores_validate_but_do_not_raise_competence_and_a_higher_one_does()
    {
        var same = await LearnerAsync();
        var better = await LearnerAsync(Teams.Osiecznica);
        await Lms.TakeAsync(service, same.Client, "M2", TestKind.Pre, right: 4);
        await Lms.TakeAsync(service, better.Client, "M2", TestKind.Pre, right: 3);
        AfterTheModule();

        await Lms.TakeAsync(service, same.Client, "M2", TestKind.Post, right: 4);
        await Lms.TakeAsync(service, better.Client, "M2", TestKind.Post, right: 4);
        var equal = await LastValidationAsync(same);
        var raised = await LastValidationAsync(better);

        Assert.Equal((true, 80m, 80m, false), (equal.GetProperty("validated").GetBoolean(), equal.GetProperty("preTestScore").GetDecimal(),
            equal.GetProperty("postTestScore").GetDecimal(), equal.GetProperty("raised").GetBoolean()));
        Assert.Equal((true, 60m, 80m, true), (raised.GetProperty("validated").GetBoolean(), raised.GetProperty("preTestScore").GetDecimal(),
            raised.GetProperty("postTestScore").GetDecimal(), raised.GetProperty("raised").GetBoolean()));
    }

    [Fact]
    public async Task Of_two_post_test_attempts_the_better_one_counts()
    {
        var improving = await LearnerAsync();
        var worsening = await LearnerAsync(Teams.Gromadka);
        AfterTheModule();

        await Lms.TakeAsync(service, improving.Client, "M2", TestKind.Post, right: 2);
        var afterFirst = await LastValidationAsync(improving);
        await Lms.TakeAsync(service, improving.Client, "M2", TestKind.Post, right: 4);
        var afterSecond = await LastValidationAsync(improving);
        await Lms.TakeAsync(service, worsening.Client, "M2", TestKind.Post, right: 4);
        await Lms.TakeAsync(service, worsening.Client, "M2", TestKind.Post, right: 1);
        var best = await LastValidationAsync(worsening);

        Assert.Equal((false, 40m, 1), (afterFirst.GetProperty("validated").GetBoolean(), afterFirst.GetProperty("postTestScore").GetDecimal(),
            afterFirst.GetProperty("postTestAttempts").GetInt32()));
        Assert.Equal((true, 80m, 2), (afterSecond.GetProperty("validated").GetBoolean(), afterSecond.GetProperty("postTestScore").GetDecimal(),
            afterSecond.GetProperty("postTestAttempts").GetInt32()));
        Assert.Equal((true, 80m, 2), (best.GetProperty("validated").GetBoolean(), best.GetProperty("postTestScore").GetDecimal(),
            best.GetProperty("postTestAttempts").GetInt32()));
    }

    [Fact]
    public async Task A_module_completes_from_80_per_cent_of_its_hours_and_a_correction_below_takes_the_completion_back()
    {
        await Lms.BankAsync(service, "M2", 5);
        // 6 + 0.5 + 1.5 = 8 hours: 6 present is 75 %, 6.5 is 81.25 %.
        var learner = await Lms.CohortAsync(service, Teams.Osiecznica, ("M2", TimeSpan.FromHours(1), 6m), ("M2", TimeSpan.FromHours(8), 0.5m),
            ("M2", TimeSpan.FromHours(10), 1.5m));
        AfterTheModule();
        await Lms.TakeAsync(service, learner.Client, "M2", TestKind.Post, right: 5);

        await Lms.MarkAsync(service, learner.Sessions[0], learner.Member.MemberId);
        var atSeventyFive = await EventsOfAsync(nameof(ModuleCompleted), learner);
        await Lms.MarkAsync(service, learner.Sessions[1], learner.Member.MemberId);
        var atEightyOne = await EventsOfAsync(nameof(ModuleCompleted), learner);
        await Lms.MarkAsync(service, learner.Sessions[1], learner.Member.MemberId, AttendanceStatus.Absent);
        var revoked = await EventsOfAsync(nameof(ModuleCompletionRevoked), learner);

        Assert.Empty(atSeventyFive);
        var completed = Assert.Single(atEightyOne);
        Assert.Equal(6.5m, completed.GetProperty("attendedHours").GetDecimal());
        var taken = Assert.Single(revoked);
        Assert.Equal((6m, "M2"), (taken.GetProperty("attendedHours").GetDecimal(), taken.GetProperty("moduleCode").GetString()));
        Assert.Empty(await service.QueryAsync<string>("SELECT module_code FROM module_completions WHERE participant_id = @MemberId", new { learner.Member.MemberId }));
    }
}
