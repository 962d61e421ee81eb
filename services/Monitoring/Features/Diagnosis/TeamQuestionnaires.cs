using System.Security.Claims;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// A questionnaire through the JST's team: GET /api/monitoring/questionnaires/{id} (the team, its advisor and ORE read
/// it); PUT …/answers (several answers) and PUT …/answers/{questionKey} (one) save answers as given; POST …/submit
/// submits it; POST …/reopen reopens a submitted one with a reason, which is kept. The team fills a school's questionnaire
/// itself this way, and its own (the JST team's sections). Changes are the team's alone: advisors and ORE read. None of
/// them changes a questionnaire once collection has ended, or while the diagnosis is submitted to review or accepted (409
/// naming its state); after a return for changes the team reopens and fills questionnaires again.
/// </summary>
public static class TeamQuestionnaires
{
    public const int MaxAnswersAtOnce = 500;

    [OpenApiSchemaName("DiagnosisQuestionnaireReopenRequest")]
    public sealed record ReopenRequest(string Reason);

    public sealed class SaveValidator : AbstractValidator<SaveAnswersRequest>
    {
        public SaveValidator() => RuleFor(r => r.Answers).Must(a => a is { Count: > 0 and <= MaxAnswersAtOnce })
            .WithMessage(_ => Text.Pick($"Podaj od 1 do {MaxAnswersAtOnce} odpowiedzi (answers: klucz pytania → odpowiedź).",
                $"Give from 1 to {MaxAnswersAtOnce} answers (answers: question key → answer)."));
    }

    public sealed class ReopenValidator : AbstractValidator<ReopenRequest>
    {
        public ReopenValidator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód ponownego otwarcia (do 1000 znaków).", "Give the reason for reopening (up to 1000 characters)."));
    }

    public static IEndpointRouteBuilder MapTeamQuestionnaires(this IEndpointRouteBuilder api)
    {
        api.MapGet("/questionnaires/{id:guid}", GetAsync)
            .WithName("GetDiagnosisQuestionnaire").WithSummary("Kwestionariusz diagnozy z odpowiedziami / A diagnosis questionnaire with its answers")
            .Produces<QuestionnaireView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapPut("/questionnaires/{id:guid}/answers", SaveAsync)
            .WithName("SaveDiagnosisAnswers").WithSummary("Zapisz odpowiedzi / Save answers")
            .Validate<SaveAnswersRequest>().Produces<QuestionnaireState>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPut("/questionnaires/{id:guid}/answers/{questionKey}", SaveOneAsync)
            .WithName("SaveDiagnosisAnswer").WithSummary("Zapisz odpowiedź na jedno pytanie / Save the answer to one question")
            .Produces<QuestionnaireState>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/questionnaires/{id:guid}/submit", SubmitAsync)
            .WithName("SubmitDiagnosisQuestionnaire").WithSummary("Prześlij kwestionariusz / Submit the questionnaire")
            .Produces<QuestionnaireState>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/questionnaires/{id:guid}/reopen", ReopenAsync)
            .WithName("ReopenDiagnosisQuestionnaire").WithSummary("Otwórz ponownie przesłany kwestionariusz / Reopen a submitted questionnaire")
            .Validate<ReopenRequest>().Produces<QuestionnaireState>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session, InstrumentStore instruments, TimeProvider time) =>
        await Questionnaires.FindAsync(session, id) is { } questionnaire
            ? TypedResults.Ok(await QuestionnaireView.BuildAsync(session, instruments, questionnaire, withLinks: true, time.GetUtcNow()))
            : Questionnaires.NotFound();

    private static async Task<IResult> SaveAsync(Guid id, SaveAnswersRequest request, HttpContext context, DataSession session, InstrumentStore instruments,
        TimeProvider time) =>
        await TeamAccess.FindForTeamAsync(session, context.User, id) is { } questionnaire
            ? await Questionnaires.SaveAsync(session, instruments, questionnaire, request.Answers, TeamAccess.Person(context.User), time.GetUtcNow())
            : Questionnaires.NotFound();

    private static async Task<IResult> SaveOneAsync(Guid id, string questionKey, AnswerValue answer, HttpContext context, DataSession session,
        InstrumentStore instruments, TimeProvider time) =>
        await TeamAccess.FindForTeamAsync(session, context.User, id) is { } questionnaire
            ? await Questionnaires.SaveAsync(session, instruments, questionnaire, new Dictionary<string, AnswerValue?> { [questionKey] = answer },
                TeamAccess.Person(context.User), time.GetUtcNow())
            : Questionnaires.NotFound();

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext context, DataSession session, InstrumentStore instruments, TimeProvider time) =>
        await TeamAccess.FindForTeamAsync(session, context.User, id) is { } questionnaire
            ? await Questionnaires.SubmitAsync(session, instruments, questionnaire, TeamAccess.Person(context.User), time.GetUtcNow())
            : Questionnaires.NotFound();

    private static async Task<IResult> ReopenAsync(Guid id, ReopenRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await TeamAccess.FindForTeamAsync(session, context.User, id) is not { } questionnaire)
        {
            return Questionnaires.NotFound();
        }
        if (Questionnaires.Frozen(questionnaire) is { } frozen)
        {
            return frozen;
        }
        if (questionnaire.Status != QuestionnaireStatus.Submitted)
        {
            return Problems.Conflict("Kwestionariusz nie jest przesłany.", "The questionnaire has not been submitted.",
                "Ponownie otwiera się tylko przesłany kwestionariusz; ten można wypełniać dalej.",
                "Only a submitted questionnaire is reopened; this one can still be filled in.");
        }
        var now = time.GetUtcNow().ToUniversalTime();
        await session.ExecuteAsync($"""
            INSERT INTO questionnaire_reopenings (id, questionnaire_id, jst_terc, reason, submitted_at, reopened_by, reopened_at)
            VALUES (@reopening, @Id, @JstTerc, @reason, @SubmittedAt, @by, @now);
            UPDATE questionnaires SET status = '{QuestionnaireStatus.Open}', submitted_at = NULL, submitted_by = NULL, submitted_via_link = NULL,
                   updated_at = @now
            WHERE id = @Id;
            """, new
        {
            reopening = Guid.CreateVersion7(), questionnaire.Id, questionnaire.JstTerc, reason = request.Reason.Trim(),
            SubmittedAt = questionnaire.SubmittedAt?.ToUniversalTime(), by = context.User.PersonId(), now,
        });
        await session.CommitAsync();
        return TypedResults.Ok(questionnaire.State with { Status = QuestionnaireStatus.Open, UpdatedAt = now, SubmittedAt = null });
    }
}

/// <summary>
/// Changes to a diagnosis are its JST team's: the caller's own JST (the token's <c>jst</c> claim), whatever else the
/// caller's scope lets them read (an advisor who is also in a team reads more than they may change).
/// </summary>
public static class TeamAccess
{
    /// <summary>The questionnaire, locked for the change, when it belongs to the caller's own JST; null otherwise (a 404).</summary>
    public static async Task<QuestionnaireRow?> FindForTeamAsync(DataSession session, ClaimsPrincipal user, Guid id) =>
        await Questionnaires.FindAsync(session, id, forUpdate: true) is { } questionnaire && questionnaire.JstTerc == user.JstTerc() ? questionnaire : null;

    public static Answerer Person(ClaimsPrincipal user) => new(user.PersonId(), null);
}
