using Cro.Training.Features.Access;
using Dapper;

namespace Cro.Training.Features.Validation;

/// <summary>A question with its options as operators and trainers see them: with the right answers.</summary>
public sealed record QuestionView(Guid Id, string ModuleCode, string OutcomeCode, string Kind, string Text, string Explanation,
    IReadOnlyList<OptionView> Options, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

[OpenApiSchemaName("AnswerOptionView")]
public sealed record OptionView(Guid Id, string Text, bool IsCorrect);

/// <summary>A module's question bank and the time limits of its tests (none: untimed).</summary>
public sealed record QuestionBankView(string ModuleCode, int? PreTestMinutes, int? PostTestMinutes, IReadOnlyList<QuestionView> Questions);

internal static class QuestionStore
{
    private sealed record QuestionRow(Guid Id, string ModuleCode, string OutcomeCode, string Kind, string Text, string Explanation,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    private sealed record OptionRow(Guid QuestionId, Guid Id, string Text, bool IsCorrect);

    public sealed record Limits(int? PreTestMinutes, int? PostTestMinutes)
    {
        public int? For(string kind) => kind == TestKind.Pre ? PreTestMinutes : PostTestMinutes;
    }

    /// <summary>The questions of a module (<paramref name="moduleCode"/>) or one question (<paramref name="id"/>), in the order written.</summary>
    public static async Task<IReadOnlyList<QuestionView>> ReadAsync(DataSession session, string? moduleCode, Guid? id)
    {
        var parameters = new { moduleCode, id };
        var questions = await session.QueryAsync<QuestionRow>("""
            SELECT id, module_code, outcome_code, kind, text, explanation, created_at, updated_at FROM questions
            WHERE (@moduleCode::text IS NULL OR module_code = @moduleCode) AND (@id::uuid IS NULL OR id = @id)
            ORDER BY created_at, id
            """, parameters);
        var options = (await session.QueryAsync<OptionRow>("""
            SELECT o.question_id, o.id, o.text, o.is_correct FROM question_options o JOIN questions q ON q.id = o.question_id
            WHERE (@moduleCode::text IS NULL OR q.module_code = @moduleCode) AND (@id::uuid IS NULL OR q.id = @id)
            ORDER BY o.question_id, o.ordinal
            """, parameters)).ToLookup(o => o.QuestionId);
        return [.. questions.Select(q => new QuestionView(q.Id, q.ModuleCode, q.OutcomeCode, q.Kind, q.Text, q.Explanation,
            [.. options[q.Id].Select(o => new OptionView(o.Id, o.Text, o.IsCorrect))], q.CreatedAt, q.UpdatedAt))];
    }

    public static async Task<Limits> LimitsAsync(DataSession session, string moduleCode) =>
        await session.QuerySingleOrDefaultAsync<Limits>(
            "SELECT pre_test_minutes, post_test_minutes FROM test_settings WHERE module_code = @moduleCode", new { moduleCode }) ?? new Limits(null, null);

    /// <summary>Writes the options of a question afresh (new ids: attempts keep the ones they showed).</summary>
    public static Task WriteOptionsAsync(DataSession session, Guid questionId, IReadOnlyList<OptionInput> options) =>
        session.ExecuteAsync("""
            DELETE FROM question_options WHERE question_id = @questionId;
            INSERT INTO question_options (id, question_id, ordinal, text, is_correct)
            SELECT o.id, @questionId, o.ordinal, o.text, o.is_correct FROM unnest(@ids, @ordinals, @texts, @correct) AS o(id, ordinal, text, is_correct);
            """, new
        {
            questionId,
            ids = options.Select(_ => Guid.CreateVersion7()).ToArray(),
            ordinals = options.Select((_, i) => i + 1).ToArray(),
            texts = options.Select(o => o.Text.Trim()).ToArray(),
            correct = options.Select(o => o.IsCorrect).ToArray(),
        });

    /// <summary>
    /// 404 when the current programme has no module <paramref name="moduleCode"/>; 422 when the module has no
    /// learning outcome <paramref name="outcomeCode"/> (the answer lists the ones it has); null when both are there.
    /// </summary>
    public static async Task<IResult?> OutcomeRefusalAsync(DataSession session, string moduleCode, string outcomeCode)
    {
        var outcomes = (await session.QueryAsync<string?>("""
            SELECT o.code FROM programme_modules m
            LEFT JOIN learning_outcomes o ON o.version = m.version AND o.module_code = m.code
            WHERE m.version = (SELECT max(version) FROM programme_versions) AND m.code = @moduleCode
            ORDER BY o.ordinal
            """, new { moduleCode })).AsList();
        if (outcomes.Count == 0)
        {
            return ModuleNotFound();
        }
        return outcomes.Contains(outcomeCode.Trim())
            ? null
            : Problems.Unprocessable($"Moduł {moduleCode} nie ma efektu uczenia się {outcomeCode}.", $"Module {moduleCode} has no learning outcome {outcomeCode}.",
                new Dictionary<string, object?> { ["outcomeCodes"] = outcomes });
    }

    public static IResult ModuleNotFound() => ProblemDetailsDefaults.NotFound("Aktualny program nie ma takiego modułu.", "The current programme has no such module.");

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego pytania.", "There is no such question.");
}
