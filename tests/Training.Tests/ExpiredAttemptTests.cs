using Cro.Training.Features.Validation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cro.Training.Tests;

/// <summary>Attempts whose time ran out, finished by the service when they close rather than when their participant comes back.</summary>
public sealed class ExpiredAttemptTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Finished(Guid Id, DateTimeOffset? FinishedAt, DateTimeOffset? ClosesAt, int? Points);

    private async Task<Lms.Learner> TimedPostTestAsync(string jst)
    {
        var limits = await service.Operator().PutAsJsonAsync("/api/training/modules/M4/tests/settings", new QuestionBank.SettingsRequest(null, 10), Ct);
        limits.EnsureSuccessStatusCode();
        await Lms.BankAsync(service, "M4", 4);
        // The module's only session ended an hour ago: the post-test is open.
        return await Lms.CohortAsync(service, jst, ("M4", TimeSpan.FromHours(-3), 2m));
    }

    [Fact]
    public async Task An_attempt_whose_time_ran_out_is_scored_when_it_closes_without_its_participant_coming_back()
    {
        var learner = await TimedPostTestAsync(Teams.Boleslawiec);
        var attempt = await Lms.StartedAsync(learner.Client, "M4", TestKind.Post);
        await Lms.AnswerAsync(service, learner.Client, attempt, right: 3);

        service.Clock.Advance(TimeSpan.FromMinutes(11));
        var finished = await Eventually.GetAsync(async () => (await service.QueryAsync<Finished>(
                "SELECT id, finished_at, closes_at, points FROM attempts WHERE id = @Id", new { attempt.Id }))[0],
            a => a.FinishedAt is not null, what: "the expired attempt finished by the service");

        Assert.Equal(finished.ClosesAt, finished.FinishedAt);
        Assert.Equal(3, finished.Points);
        var validated = Assert.Single(await service.EventsAsync("CompetenceValidated",
            e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId));
        Assert.Equal(75m, validated.GetProperty("postTestScore").GetDecimal());
        // The participant coming back sees it scored, and nothing is announced again.
        var seen = await learner.Client.GetFromJsonAsync<AttemptView>($"/api/training/attempts/{attempt.Id}", Ct);
        Assert.Equal(new AttemptResult(3, 4, 75m), seen!.Result);
        Assert.Single(await service.EventsAsync("CompetenceValidated", e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId));
    }

    [Fact]
    public async Task Expired_attempts_are_finished_once_when_many_replicas_close_them_at_the_same_time()
    {
        var learners = new List<Lms.Learner>();
        foreach (var jst in new[] { Teams.Gromadka, Teams.Osiecznica, Teams.Boleslawiec })
        {
            var learner = await TimedPostTestAsync(jst);
            await Lms.StartedAsync(learner.Client, "M4", TestKind.Post);
            learners.Add(learner);
        }
        var db = service.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var observer = service.Factory.Services.GetRequiredService<IPostTestObserver>();

        service.Clock.Advance(TimeSpan.FromMinutes(11));
        // Four replicas at once (and the service's own worker besides), each taking one attempt per batch.
        var now = service.Clock.GetUtcNow();
        var finishedByEach = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            int batch;
            while ((batch = await ExpiredAttempts.FinishDueAsync(db, observer, now, batchSize: 1, Ct)) > 0)
            {
                total += batch;
            }
            return total;
        }, Ct)));

        Assert.InRange(finishedByEach.Sum(), 0, learners.Count);
        foreach (var learner in learners)
        {
            Assert.Single(await service.EventsAsync("CompetenceValidated", e => e.GetProperty("participantId").GetGuid() == learner.Member.MemberId));
        }
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM attempts WHERE finished_at IS NULL"));
    }
}
