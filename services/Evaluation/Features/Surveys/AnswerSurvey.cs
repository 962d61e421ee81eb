using System.Text.Json.Nodes;

namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// Answering a survey, without an account through the mailed link (GET/POST /api/evaluation/surveys/links/{token}) or, for a
/// signed-in team member, among their own surveys (/api/evaluation/surveys/mine/{id}). An unknown token, or another person's
/// invitation, is 404 (nothing is revealed); an answered survey 409; a closed one 410; answers that do not fit the template's
/// version 400 naming the question. The invitation is marked answered and the answer stored in one transaction, the first by
/// a conditional update, so two answers at once store one. The answer keeps no link to the invitation (see the migration).
/// </summary>
public static class AnswerSurvey
{
    /// <param name="Answers">By question id: a scale's 1–5, a choice's option id, or text; an unanswered question may be left out.</param>
    [OpenApiSchemaName("SurveyAnswersRequest")]
    public sealed record AnswersRequest([property: FieldLabel("Odpowiedzi", "Answers")] IReadOnlyDictionary<string, string?> Answers);

    public sealed class Validator : AbstractValidator<AnswersRequest>
    {
        public Validator() => RuleFor(r => r.Answers).NotNull()
            .WithMessage(_ => Text.Pick("Podaj odpowiedzi na pytania ankiety.", "Give the answers to the survey's questions."));
    }

    /// <param name="Subject">What the survey is about (a module, an advisory, a conference).</param>
    /// <param name="ClosesOn">The last day answers are taken (Europe/Warsaw).</param>
    [OpenApiSchemaName("SurveyForm")]
    public sealed record SurveyForm(string Title, string Intro, string Subject, DateOnly ClosesOn, int MaxTextLength, IReadOnlyList<Question> Questions);

    /// <param name="Open">Whether it can still be answered (not answered, not closed).</param>
    [OpenApiSchemaName("MySurvey")]
    public sealed record MySurvey(Guid Id, string Title, string Subject, DateOnly ClosesOn, bool Answered, bool Open);

    private sealed record InvitationRow(Guid Id, Guid TemplateId, string Email, string Subject, string? ModuleCode, Guid? CohortId, Guid? AdvisorId,
        Guid? ConferenceId, DateTimeOffset ClosesAt, bool Answered)
    {
        public const string Select = """
            SELECT id, template_id, email, subject, module_code, cohort_id, advisor_id, conference_id, closes_at, answered FROM survey_invitations
            """;
    }

    public static IEndpointRouteBuilder MapAnswerSurvey(this IEndpointRouteBuilder api)
    {
        api.MapGet("/surveys/links/{token}", (string token, DataSession session, TimeProvider time) => FormAsync(session, ByToken(token), time))
            .WithName("GetSurveyByLink").WithSummary("Ankieta z łącza / The survey of a link")
            .Produces<SurveyForm>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPost("/surveys/links/{token}/answers", (string token, AnswersRequest request, DataSession session, TimeProvider time) =>
                AnswerAsync(session, ByToken(token), request, time))
            .WithName("AnswerSurveyByLink").WithSummary("Odpowiedz na ankietę z łącza / Answer the survey of a link")
            .Validate<AnswersRequest>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapGet("/surveys/mine", MineAsync)
            .WithName("ListMySurveys").WithSummary("Moje ankiety / My surveys")
            .Produces<IReadOnlyList<MySurvey>>()
            .RequireAuthorization(Policies.JstTeam);
        api.MapGet("/surveys/mine/{id:guid}", (Guid id, HttpContext context, DataSession session, TimeProvider time) =>
                FormAsync(session, ById(id, context), time))
            .WithName("GetMySurvey").WithSummary("Moja ankieta / My survey")
            .Produces<SurveyForm>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/surveys/mine/{id:guid}/answers", (Guid id, AnswersRequest request, HttpContext context, DataSession session, TimeProvider time) =>
                AnswerAsync(session, ById(id, context), request, time))
            .WithName("AnswerMySurvey").WithSummary("Odpowiedz na moją ankietę / Answer my survey")
            .Validate<AnswersRequest>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static Func<DataSession, Task<InvitationRow?>> ByToken(string token) => session =>
        LinkTokens.Hash(token) is { } hash
            ? session.QuerySingleOrDefaultAsync<InvitationRow>(InvitationRow.Select + " WHERE token_hash = @hash", new { hash })
            : Task.FromResult<InvitationRow?>(null);

    /// <summary>The signed-in person's own invitation: matched by the address in their token, so another's is not found.</summary>
    private static Func<DataSession, Task<InvitationRow?>> ById(Guid id, HttpContext context) => session =>
        context.User.FindFirst(CroClaims.Email)?.Value is { Length: > 0 } email
            ? session.QuerySingleOrDefaultAsync<InvitationRow>(InvitationRow.Select + " WHERE id = @id AND lower(email) = lower(@email)", new { id, email })
            : Task.FromResult<InvitationRow?>(null);

    private static async Task<IResult> MineAsync(HttpContext context, DataSession session, TimeProvider time)
    {
        var email = context.User.FindFirst(CroClaims.Email)?.Value ?? "";
        var now = time.GetUtcNow();
        var rows = await session.QueryAsync<(Guid Id, string Title, string Subject, DateTimeOffset ClosesAt, bool Answered)>("""
            SELECT i.id, t.title, i.subject, i.closes_at, i.answered
            FROM survey_invitations i JOIN survey_templates t ON t.id = i.template_id
            WHERE lower(i.email) = lower(@email) AND @email <> ''
            ORDER BY i.issued_at DESC
            """, new { email });
        return TypedResults.Ok(rows.Select(r => new MySurvey(r.Id, r.Title, r.Subject, ClosesOn(r.ClosesAt), r.Answered, !r.Answered && r.ClosesAt > now)).ToList());
    }

    private static DateOnly ClosesOn(DateTimeOffset closesAt) => DateOnly.FromDateTime(WarsawTime.InWarsaw(closesAt.AddTicks(-1)).DateTime);

    private static async Task<IResult> FormAsync(DataSession session, Func<DataSession, Task<InvitationRow?>> find, TimeProvider time)
    {
        if (await find(session) is not { } invitation)
        {
            return NotFound();
        }
        if (Refusal(invitation, time.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }
        var template = await session.QuerySingleAsync<TemplateRow>(TemplateRow.Select + " WHERE id = @TemplateId", invitation);
        var settings = await SurveySettings.ReadAsync(session);
        return TypedResults.Ok(new SurveyForm(template.Title, template.Intro, invitation.Subject, ClosesOn(invitation.ClosesAt), settings.MaxTextLength,
            template.QuestionList));
    }

    private static async Task<IResult> AnswerAsync(DataSession session, Func<DataSession, Task<InvitationRow?>> find, AnswersRequest request, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await find(session) is not { } invitation)
        {
            return NotFound();
        }
        if (Refusal(invitation, now) is { } refusal)
        {
            return refusal;
        }
        var template = await session.QuerySingleAsync<TemplateRow>(TemplateRow.Select + " WHERE id = @TemplateId", invitation);
        var settings = await SurveySettings.ReadAsync(session);
        var (answers, errors) = Check(template.QuestionList, request.Answers, settings.MaxTextLength);
        if (errors.Count > 0)
        {
            return ProblemDetailsDefaults.ValidationProblem(errors);
        }
        // The first of two answers at once takes the invitation; the other finds it answered.
        var taken = await session.ExecuteAsync("""
            UPDATE survey_invitations SET answered = true, next_reminder_at = NULL WHERE id = @Id AND NOT answered AND closes_at > @now
            """, new { invitation.Id, now = now.ToUniversalTime() });
        if (taken == 0)
        {
            return AlreadyAnswered();
        }
        await session.ExecuteAsync("""
            INSERT INTO survey_answers (template_code, template_version, occasion, module_code, cohort_id, advisor_id, conference_id, answers)
            VALUES (@Code, @Version, @Occasion, @ModuleCode, @CohortId, @AdvisorId, @ConferenceId, @answers::jsonb)
            """, new
        {
            template.Code, template.Version, template.Occasion, invitation.ModuleCode, invitation.CohortId, invitation.AdvisorId,
            invitation.ConferenceId, answers = answers.ToJsonString(),
        });
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The answers as stored (a scale as a number), or the errors by question id.</summary>
    public static (JsonObject Answers, Dictionary<string, string[]> Errors) Check(IReadOnlyList<Question> questions,
        IReadOnlyDictionary<string, string?> given, int maxTextLength)
    {
        var answers = new JsonObject();
        var errors = new Dictionary<string, string[]>();
        void Error(string id, string pl, string en) => errors[id] = [Text.Pick(pl, en)];
        foreach (var unknown in given.Keys.Where(k => questions.All(q => q.Id != k)))
        {
            Error(unknown, "Ankieta nie ma takiego pytania.", "The survey has no such question.");
        }
        foreach (var question in questions)
        {
            var value = given.TryGetValue(question.Id, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                if (question.Required)
                {
                    Error(question.Id, $"Odpowiedz na pytanie „{question.Text}”.", $"Answer the question “{question.Text}”.");
                }
                continue;
            }
            switch (question.Kind)
            {
                case QuestionKinds.Scale when int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5:
                    answers[question.Id] = n;
                    break;
                case QuestionKinds.Scale:
                    Error(question.Id, $"Pytanie „{question.Text}”: wybierz ocenę od 1 do 5.", $"Question “{question.Text}”: choose a rating from 1 to 5.");
                    break;
                case QuestionKinds.Choice when question.Options?.Any(o => o.Id == value) == true:
                    answers[question.Id] = value;
                    break;
                case QuestionKinds.Choice:
                    Error(question.Id, $"Pytanie „{question.Text}”: wybierz jedną z podanych odpowiedzi.", $"Question “{question.Text}”: choose one of the answers given.");
                    break;
                case QuestionKinds.Text when value.Length <= maxTextLength:
                    answers[question.Id] = value;
                    break;
                default:
                    Error(question.Id, $"Pytanie „{question.Text}”: odpowiedź może mieć najwyżej {maxTextLength} znaków.",
                        $"Question “{question.Text}”: the answer may have at most {maxTextLength} characters.");
                    break;
            }
        }
        return (answers, errors);
    }

    private static IResult? Refusal(InvitationRow invitation, DateTimeOffset now) =>
        invitation.Answered ? AlreadyAnswered()
        : invitation.ClosesAt <= now ? Results.Problem(statusCode: StatusCodes.Status410Gone,
            title: Text.Pick("Ankieta jest już zamknięta.", "The survey is closed."),
            detail: Text.Pick($"Odpowiedzi przyjmowaliśmy do {WarsawTime.InLetter(ClosesOn(invitation.ClosesAt))}. Dziękujemy za zainteresowanie.",
                $"Answers were taken until {ClosesOn(invitation.ClosesAt):yyyy-MM-dd}. Thank you for your interest."))
        : null;

    private static IResult AlreadyAnswered() => Problems.Conflict("Ankieta została już wypełniona.", "The survey has already been answered.",
        "Na tę ankietę odpowiedziano już z tego zaproszenia; każda osoba odpowiada raz. Dziękujemy!",
        "This survey was already answered through this invitation; everyone answers once. Thank you!");

    private static IResult NotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiej ankiety. Sprawdź, czy adres z wiadomości jest skopiowany w całości.",
        "There is no such survey. Check that the whole address from the mail was copied.");
}
