using System.Text.Json;
using Cro.Training.Features.Progress;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Validation;

/// <summary>
/// Finishes an attempt: scores the answers saved (only answers given in time were ever stored), keeps the
/// points per learning outcome for the learning-gain report, and, for a post-test, announces the module's
/// validation and recomputes the participant's completion, all in the caller's transaction. An attempt whose
/// time ran out is recorded as finished when it closed.
/// </summary>
internal static class AttemptFinisher
{
    public static async Task<AttemptRow> FinishAsync(NpgsqlTransaction transaction, AttemptRow attempt, DateTimeOffset now, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var answers = await attempt.AnswersAsync(transaction, ct);
        var (points, maxPoints, byOutcome) = AttemptScoring.Score(attempt.Questions, answers);
        var finishedAt = attempt.ClosesAt is { } closes && closes < now ? closes : now;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE attempts SET finished_at = @finishedAt, points = @points, max_points = @maxPoints, outcome_points = @byOutcome::jsonb WHERE id = @Id
            """, new { attempt.Id, finishedAt = finishedAt.ToUniversalTime(), points, maxPoints, byOutcome = JsonSerializer.Serialize(byOutcome, AttemptRow.Json) },
            transaction, cancellationToken: ct));
        if (attempt.Kind == TestKind.Post)
        {
            await ProgressLog.PostTestFinishedAsync(transaction, attempt.ParticipantId, attempt.ModuleCode, now, ct);
        }
        return attempt with { FinishedAt = finishedAt, Points = points, MaxPoints = maxPoints };
    }
}
