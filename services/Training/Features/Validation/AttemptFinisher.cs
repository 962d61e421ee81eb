using System.Text.Json;

namespace Cro.Training.Features.Validation;

/// <summary>
/// Finishes an attempt: scores the answers saved (only answers given in time were ever stored), keeps the
/// points per learning outcome for the learning-gain report, and, for a post-test, hands it to
/// <see cref="IPostTestObserver"/> (the module's validation is announced and the participant's completion recomputed),
/// all in the caller's session. An attempt whose time ran out is recorded as finished when it closed.
/// </summary>
internal static class AttemptFinisher
{
    public static async Task<AttemptRow> FinishAsync(DataSession session, AttemptRow attempt, DateTimeOffset now, IPostTestObserver observer)
    {
        var answers = await attempt.AnswersAsync(session);
        var (points, maxPoints, byOutcome) = AttemptScoring.Score(attempt.Questions, answers);
        var finishedAt = attempt.ClosesAt is { } closes && closes < now ? closes : now;
        await session.ExecuteAsync("""
            UPDATE attempts SET finished_at = @finishedAt, points = @points, max_points = @maxPoints, outcome_points = @byOutcome::jsonb WHERE id = @Id
            """, new { attempt.Id, finishedAt = finishedAt.ToUniversalTime(), points, maxPoints, byOutcome = JsonSerializer.Serialize(byOutcome, AttemptRow.Json) });
        if (attempt.Kind == TestKind.Post)
        {
            await observer.PostTestFinishedAsync(session, attempt.ParticipantId, attempt.ModuleCode, now);
        }
        return attempt with { FinishedAt = finishedAt, Points = points, MaxPoints = maxPoints };
    }
}

/// <summary>
/// What follows a finished post-test, in the session that finished it: Progress announces the module's validation and
/// recomputes the participant's completion. Declared here and implemented there, so validation knows nothing of how
/// completion is kept.
/// </summary>
public interface IPostTestObserver
{
    Task PostTestFinishedAsync(DataSession session, Guid participantId, string moduleCode, DateTimeOffset now);
}
