using Cro.Training.Features.Access;
using FluentValidation;

namespace Cro.Training.Features.Validation;

/// <summary>
/// PUT /api/training/attempts/{id}/answers/{questionId} — the participant's answer to one question, saved as
/// it is given (saving the same again changes nothing; another choice replaces it), so a lost connection
/// loses at most the answer being given. Refused, and nothing stored: a finished attempt or one whose time
/// is up (409); a question the attempt does not show, or an option that is not the question's (422); more
/// than one option for a single-choice question (400).
/// </summary>
public static class SaveAnswer
{
    public sealed record SaveAnswerRequest(IReadOnlyList<Guid> OptionIds);

    [OpenApiSchemaName("SavedAnswer")]
    public sealed record Saved(Guid QuestionId, IReadOnlyList<Guid> OptionIds, DateTimeOffset SavedAt, DateTimeOffset? ClosesAt);

    public sealed class Validator : AbstractValidator<SaveAnswerRequest>
    {
        public Validator() => RuleFor(r => r.OptionIds).Must(o => o is { Count: >= 1 and <= 10 } && o.Distinct().Count() == o.Count)
            .WithMessage(_ => Text.Pick("Wybierz od 1 do 10 różnych odpowiedzi (optionIds).", "Choose from 1 to 10 different options (optionIds)."));
    }

    public static RouteHandlerBuilder MapSaveAnswer(this IEndpointRouteBuilder api) => api
        .MapPut("/attempts/{id:guid}/answers/{questionId:guid}", HandleAsync)
        .WithName("SaveAnswer")
        .WithSummary("Zapisz odpowiedź / Save an answer")
        .Validate<SaveAnswerRequest>()
        .Produces<Saved>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(Guid id, Guid questionId, SaveAnswerRequest request, HttpContext context, DataSession session,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        // Locked: an answer and the finish of the same attempt never cross.
        if (await AttemptRow.FindMineAsync(session, context.User, id, forUpdate: true) is not { } attempt)
        {
            return AttemptRow.NotFound();
        }
        // Time first: an attempt the service finished because its time ran out says that, not only that it is finished.
        if (attempt.HasClosed(now))
        {
            return Problems.Conflict("Czas na test minął.", "The time for the test is up.",
                $"Odpowiedzi przyjmowaliśmy do {WarsawTime.InWarsaw(attempt.ClosesAt!.Value):HH:mm:ss} (czas warszawski); ta nie została zapisana.",
                $"Answers were accepted until {WarsawTime.InWarsaw(attempt.ClosesAt!.Value):HH:mm:ss} (Warsaw time); this one was not saved.");
        }
        if (attempt.IsFinished)
        {
            return Problems.Conflict("Test jest zakończony.", "The test is finished.",
                "Tego podejścia nie można już zmieniać.", "This attempt can no longer be changed.");
        }
        if (attempt.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question)
        {
            return Problems.Unprocessable("Tego pytania nie ma w Twoim teście.", "This question is not in your test.");
        }
        var strangers = request.OptionIds.Where(o => question.Options.All(x => x.Id != o)).ToList();
        if (strangers.Count > 0)
        {
            return Problems.Unprocessable("Te odpowiedzi nie należą do tego pytania.", "These options do not belong to this question.",
                new Dictionary<string, object?> { ["optionIds"] = strangers });
        }
        if (question.Kind == QuestionKind.Single && request.OptionIds.Count > 1)
        {
            return Problems.Field("optionIds", "To pytanie jednokrotnego wyboru: wybierz jedną odpowiedź.", "This is a single-choice question: choose one option.");
        }
        await session.ExecuteAsync("""
            INSERT INTO attempt_answers (attempt_id, question_id, jst_terc, option_ids, answered_at) VALUES (@id, @questionId, @JstTerc, @optionIds, @now)
            ON CONFLICT (attempt_id, question_id) DO UPDATE SET option_ids = excluded.option_ids, answered_at = excluded.answered_at
            WHERE attempt_answers.option_ids IS DISTINCT FROM excluded.option_ids
            """, new { id, questionId, attempt.JstTerc, optionIds = request.OptionIds.ToArray(), now = now.ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Ok(new Saved(questionId, request.OptionIds, now, attempt.ClosesAt));
    }
}
