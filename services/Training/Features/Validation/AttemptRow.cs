using System.Security.Claims;
using System.Text.Json;
using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Validation;

/// <summary>A question as an attempt showed it, in the attempt's order, with the right answers (never sent before the review).</summary>
internal sealed record ShownQuestion(Guid Id, string OutcomeCode, string Kind, string Text, string Explanation, IReadOnlyList<ShownOption> Options);

internal sealed record ShownOption(Guid Id, string Text, bool IsCorrect);

/// <summary>An attempt as stored; <see cref="Questions"/> is the copy it shows.</summary>
internal sealed record AttemptRow(Guid Id, Guid ParticipantId, string JstTerc, Guid CohortId, string ModuleCode, string Kind, int Number, string QuestionsJson,
    DateTimeOffset StartedAt, DateTimeOffset? ClosesAt, DateTimeOffset? FinishedAt, int? Points, int? MaxPoints)
{
    public const string Select = """
        SELECT id, participant_id, jst_terc, cohort_id, module_code, kind, number, questions::text AS questions_json, started_at, closes_at,
               finished_at, points, max_points
        FROM attempts
        """;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<ShownQuestion> Questions => JsonSerializer.Deserialize<List<ShownQuestion>>(QuestionsJson, Json)!;

    public bool IsFinished => FinishedAt is not null;

    /// <summary>Whether the time limit (or, for a pre-test, the module's start) has passed: answers are refused from then on.</summary>
    public bool HasClosed(DateTimeOffset now) => ClosesAt is { } closes && now > closes;

    /// <summary>The participant's attempt <paramref name="id"/>, or null when it is not theirs (or there is none). Runs under the caller's scope.</summary>
    public static async Task<AttemptRow?> FindMineAsync(DataSession session, ClaimsPrincipal user, Guid id, bool forUpdate = false)
    {
        var mine = await ParticipantRow.MineAsync(session, Caller.From(user));
        var attempt = await session.QuerySingleOrDefaultAsync<AttemptRow>(Select + " WHERE id = @id" + (forUpdate ? " FOR UPDATE" : ""), new { id });
        return attempt is not null && mine.Any(p => p.Id == attempt.ParticipantId) ? attempt : null;
    }

    /// <summary>The answers saved so far: option ids by question id.</summary>
    public async Task<Dictionary<Guid, Guid[]>> AnswersAsync(DataSession session) =>
        (await session.QueryAsync<SavedAnswer>("SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = @Id", new { Id }))
        .ToDictionary(a => a.QuestionId, a => a.OptionIds);

    // A class, not a record: Dapper reports uuid[] as System.Array, which matches no constructor, but sets a Guid[] property.
    private sealed class SavedAnswer
    {
        public Guid QuestionId { get; set; }
        public Guid[] OptionIds { get; set; } = [];
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiego podejścia do testu albo nie jest Twoje.", "There is no such test attempt, or it is not yours.");
}

/// <summary>
/// An attempt as its participant sees it: the questions in the attempt's order with the answers saved so far,
/// the time it closes and the server's time now (so a page counts down from the server's clock, not the
/// device's). Once finished, the score; the right answers and explanations only in review, when the
/// participant can take no further attempt at the module's tests (so they do not learn the answers between tries).
/// </summary>
public sealed record AttemptView(Guid Id, string ModuleCode, string Kind, int Number, DateTimeOffset StartedAt, DateTimeOffset? ClosesAt,
    DateTimeOffset ServerTime, DateTimeOffset? FinishedAt, AttemptResult? Result, bool Review, IReadOnlyList<AttemptQuestion> Questions);

public sealed record AttemptResult(int Points, int MaxPoints, decimal Percent);

public sealed record AttemptQuestion(Guid Id, string Kind, string Text, IReadOnlyList<AttemptOption> Options, IReadOnlyList<Guid> Answer,
    bool? Correct, string? Explanation);

public sealed record AttemptOption(Guid Id, string Text, bool? IsCorrect);

internal static class AttemptViews
{
    public static async Task<AttemptView> ReadAsync(DataSession session, AttemptRow attempt, DateTimeOffset now)
    {
        var answers = await attempt.AnswersAsync(session);
        // Review once no attempt at the module's tests is left: both post-test attempts finished.
        var review = attempt.IsFinished && await session.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM attempts WHERE participant_id = @ParticipantId AND module_code = @ModuleCode AND kind = @post AND finished_at IS NOT NULL
            """, new { attempt.ParticipantId, attempt.ModuleCode, post = TestKind.Post }) >= TestKind.MaxAttempts(TestKind.Post);
        var questions = attempt.Questions.Select(q =>
        {
            var answer = answers.GetValueOrDefault(q.Id) ?? [];
            return new AttemptQuestion(q.Id, q.Kind, q.Text,
                [.. q.Options.Select(o => new AttemptOption(o.Id, o.Text, review ? o.IsCorrect : null))], answer,
                review ? AttemptScoring.IsRight(q, answer) : null, review ? q.Explanation : null);
        }).ToList();
        var result = attempt is { Points: { } points, MaxPoints: { } max } ? new AttemptResult(points, max, AttemptScoring.Percent(points, max)) : null;
        return new AttemptView(attempt.Id, attempt.ModuleCode, attempt.Kind, attempt.Number, attempt.StartedAt, attempt.ClosesAt, now,
            attempt.FinishedAt, result, review, questions);
    }
}
