namespace Cro.Web.Training.Api;

/// <summary>The two tests of a module and how often each may be taken (the service's rule, for the page's wording).</summary>
public static class TestKind
{
    public const string Pre = "pre";
    public const string Post = "post";

    public static int MaxAttempts(string kind) => kind == Post ? 2 : 1;
}

public static class QuestionKind
{
    public const string Single = "single";
    public const string Multiple = "multiple";

    public static readonly IReadOnlyList<string> All = [Single, Multiple];
}

/// <summary>
/// An attempt as its participant sees it (GET /api/training/attempts/{id}): questions in the attempt's order with the
/// answers saved so far, when it closes and the server's time now. Finished: the result. Review (no attempt left):
/// the right options, whether each answer was right, and the explanations.
/// </summary>
public sealed record AttemptView(Guid Id, string ModuleCode, string Kind, int Number, DateTimeOffset StartedAt, DateTimeOffset? ClosesAt,
    DateTimeOffset ServerTime, DateTimeOffset? FinishedAt, AttemptResult? Result, bool Review, IReadOnlyList<AttemptQuestion> Questions)
{
    public bool IsFinished => FinishedAt is not null;

    public int Answered => Questions.Count(q => q.Answer.Count > 0);
}

public sealed record AttemptResult(int Points, int MaxPoints, decimal Percent);

public sealed record AttemptQuestion(Guid Id, string Kind, string Text, IReadOnlyList<AttemptOption> Options, IReadOnlyList<Guid> Answer,
    bool? Correct, string? Explanation);

public sealed record AttemptOption(Guid Id, string Text, bool? IsCorrect);

/// <summary>PUT /api/training/attempts/{id}/answers/{questionId}.</summary>
public sealed record AnswerRequest(IReadOnlyList<Guid> OptionIds);

public sealed record SavedAnswer(Guid QuestionId, IReadOnlyList<Guid> OptionIds, DateTimeOffset SavedAt, DateTimeOffset? ClosesAt);

/// <summary>GET /api/training/modules/{code}/questions: the bank with the right answers and the tests' time limits (none: untimed).</summary>
public sealed record QuestionBankView(string ModuleCode, int? PreTestMinutes, int? PostTestMinutes, IReadOnlyList<QuestionView> Questions);

public sealed record QuestionView(Guid Id, string ModuleCode, string OutcomeCode, string Kind, string Text, string Explanation,
    IReadOnlyList<OptionView> Options, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record OptionView(Guid Id, string Text, bool IsCorrect);

/// <summary>POST /api/training/modules/{code}/questions.</summary>
public sealed record QuestionRequest(string OutcomeCode, string Kind, string Text, string Explanation, IReadOnlyList<OptionInput> Options);

public sealed record OptionInput(string Text, bool IsCorrect);

/// <summary>PUT /api/training/modules/{code}/tests/settings: minutes, or null for no limit.</summary>
public sealed record TestSettings(int? PreTestMinutes, int? PostTestMinutes);
