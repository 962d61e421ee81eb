using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// Reminders go only to those who have not answered, on the days the settings give (7 and 14), at most twice; after the
/// survey closes (21 days) answering is 410 and nothing is written. The class moves its service's clock, so it has its own.
/// </summary>
public sealed class SurveyReminderTests(SurveyReminderTests.Service service) : IClassFixture<SurveyReminderTests.Service>
{
    public sealed class Service : EvaluationService;

    private async Task<IReadOnlyList<(string Email, int Number)>> RemindersAsync() =>
        [.. (await service.EventsAsync(nameof(SurveyInvitationMailRequested), e => e.GetProperty("kind").GetString() == "reminder"))
            .Select(e => (e.GetProperty("email").GetString()!, e.GetProperty("reminderNumber").GetInt32()))];

    [Fact]
    public async Task Only_those_who_have_not_answered_are_reminded_twice_at_most_and_a_closed_survey_is_gone()
    {
        var cohortId = Guid.CreateVersion7();
        var people = new List<SurveySteps.Person>();
        for (var i = 0; i < 3; i++)
        {
            var person = await service.EnrolAsync();
            await service.PublishTwiceAsync(Completed(person, cohortId, "M2"));
            people.Add(person);
        }
        var tokens = new List<string>();
        foreach (var person in people)
        {
            tokens.Add(TokenOf(Assert.Single(await service.InvitationsOfAsync(person.Email))));
        }
        await service.AnsweredAsync(tokens[0], ModuleAnswers());

        await service.RemindAsync();
        Assert.Empty(await RemindersAsync());

        service.Clock.Advance(TimeSpan.FromDays(7.01));
        await service.RemindAsync();
        Assert.Equal(new[] { (people[1].Email, 1), (people[2].Email, 1) }.Order(), (await RemindersAsync()).Order());

        await service.AnsweredAsync(tokens[1], ModuleAnswers());
        service.Clock.Advance(TimeSpan.FromDays(7));
        await service.RemindAsync();
        Assert.Equal(new[] { (people[1].Email, 1), (people[2].Email, 1), (people[2].Email, 2) }.Order(), (await RemindersAsync()).Order());

        service.Clock.Advance(TimeSpan.FromDays(6.5));
        await service.RemindAsync();
        Assert.Equal(3, (await RemindersAsync()).Count);
        Assert.Equal(2, (await service.QueryAsync<int>("SELECT reminders_sent FROM survey_invitations WHERE email = @Email", people[2])).Single());

        service.Clock.Advance(TimeSpan.FromDays(1));
        var before = await service.RowCountsAsync();
        var closed = await service.AnswerAsync(tokens[2], ModuleAnswers());
        Assert.Contains("Ankieta jest już zamknięta", await ProblemAsync(closed, HttpStatusCode.Gone), StringComparison.Ordinal);
        await ProblemAsync(await service.Anonymous.GetAsync($"/api/evaluation/surveys/links/{tokens[2]}", Ct), HttpStatusCode.Gone);
        await ProblemAsync(await service.AnswerAsync(tokens[0], ModuleAnswers()), HttpStatusCode.Conflict);
        Assert.Equal(before, await service.RowCountsAsync());
        await service.RemindAsync();
        Assert.Equal(3, (await RemindersAsync()).Count);
    }
}
