using FluentValidation;

namespace Cro.Training.Features.Validation;

/// <summary>
/// A module's question bank. GET /api/training/modules/{code}/questions — the questions with their right
/// answers and the tests' time limits, for trainers and operators. Operators write it:
/// POST /api/training/modules/{code}/questions, PUT and DELETE /api/training/questions/{id}, and
/// PUT /api/training/modules/{code}/tests/settings (time limits). Attempts already started keep the copy
/// of the questions they showed, so a change reaches only attempts started after it. A bank holds tens of
/// questions, so it is one list, not paged.
/// </summary>
public static class QuestionBank
{
    [OpenApiSchemaName("TestSettingsRequest")]
    public sealed record SettingsRequest(int? PreTestMinutes, int? PostTestMinutes);

    public sealed class SettingsValidator : AbstractValidator<SettingsRequest>
    {
        public SettingsValidator()
        {
            RuleFor(r => r.PreTestMinutes).InclusiveBetween(1, 600).When(r => r.PreTestMinutes is not null)
                .WithMessage(_ => LimitMessage);
            RuleFor(r => r.PostTestMinutes).InclusiveBetween(1, 600).When(r => r.PostTestMinutes is not null)
                .WithMessage(_ => LimitMessage);
        }

        private static string LimitMessage => Text.Pick("Limit czasu to od 1 do 600 minut albo brak (null).", "The time limit is from 1 to 600 minutes, or none (null).");
    }

    public static IEndpointRouteBuilder MapQuestionBank(this IEndpointRouteBuilder api)
    {
        api.MapGet("/modules/{code}/questions", GetAsync)
            .WithName("QuestionBank").WithSummary("Bank pytań modułu / A module's question bank")
            .Produces<QuestionBankView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        api.MapPost("/modules/{code}/questions", AddAsync)
            .WithName("AddQuestion").WithSummary("Dodaj pytanie / Add a question")
            .Validate<QuestionRequest>().Produces<QuestionView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/questions/{id:guid}", ChangeAsync)
            .WithName("ChangeQuestion").WithSummary("Zmień pytanie / Change a question")
            .Validate<QuestionRequest>().Produces<QuestionView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapDelete("/questions/{id:guid}", DeleteAsync)
            .WithName("DeleteQuestion").WithSummary("Usuń pytanie / Delete a question")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/modules/{code}/tests/settings", SettingsAsync)
            .WithName("TestSettings").WithSummary("Limity czasu pre-testu i post-testu / Time limits of the pre-test and post-test")
            .Validate<SettingsRequest>().Produces<QuestionBankView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> GetAsync(string code, [RepeatableRead] DataSession session) =>
        await Materials.Materials.ModuleExistsAsync(session, code)
            ? TypedResults.Ok(await ReadBankAsync(session, code))
            : Materials.Materials.ModuleNotFound();

    private static async Task<IResult> AddAsync(string code, QuestionRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await QuestionStore.OutcomeRefusalAsync(session, code, request.OutcomeCode) is { } refusal)
        {
            return refusal;
        }
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO questions (id, module_code, outcome_code, kind, text, explanation, created_by, created_at, updated_at)
            VALUES (@id, @code, @outcome, @Kind, @text, @explanation, @by, @now, @now)
            """, new
        {
            id, code, outcome = request.OutcomeCode.Trim(), request.Kind, text = request.Text.Trim(), explanation = request.Explanation.Trim(),
            by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime(),
        });
        var question = await CommitWithOptionsAsync(session, id, request);
        return TypedResults.Created($"/api/training/questions/{id}", question);
    }

    private static async Task<IResult> ChangeAsync(Guid id, QuestionRequest request, DataSession session, TimeProvider time)
    {
        if (await session.QuerySingleOrDefaultAsync<string>("SELECT module_code FROM questions WHERE id = @id FOR UPDATE", new { id }) is not { } module)
        {
            return QuestionStore.NotFound();
        }
        if (await QuestionStore.OutcomeRefusalAsync(session, module, request.OutcomeCode) is { } refusal)
        {
            return refusal;
        }
        await session.ExecuteAsync("""
            UPDATE questions SET outcome_code = @outcome, kind = @Kind, text = @text, explanation = @explanation, updated_at = @now WHERE id = @id
            """, new
        {
            id, outcome = request.OutcomeCode.Trim(), request.Kind, text = request.Text.Trim(), explanation = request.Explanation.Trim(),
            now = time.GetUtcNow().ToUniversalTime(),
        });
        return TypedResults.Ok(await CommitWithOptionsAsync(session, id, request));
    }

    /// <summary>Writes the question's options, commits, and answers the question as it now stands.</summary>
    private static async Task<QuestionView> CommitWithOptionsAsync(DataSession session, Guid id, QuestionRequest request)
    {
        await QuestionStore.WriteOptionsAsync(session, id, request.Options);
        var question = (await QuestionStore.ReadAsync(session, null, id))[0];
        await session.CommitAsync();
        return question;
    }

    private static async Task<IResult> DeleteAsync(Guid id, DataSession session)
    {
        var deleted = await session.ExecuteAsync("DELETE FROM questions WHERE id = @id", new { id });
        await session.CommitAsync();
        return deleted == 0 ? QuestionStore.NotFound() : TypedResults.NoContent();
    }

    private static async Task<IResult> SettingsAsync(string code, SettingsRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (!await Materials.Materials.ModuleExistsAsync(session, code))
        {
            return Materials.Materials.ModuleNotFound();
        }
        await session.ExecuteAsync("""
            INSERT INTO test_settings (module_code, pre_test_minutes, post_test_minutes, updated_by, updated_at)
            VALUES (@code, @PreTestMinutes, @PostTestMinutes, @by, @now)
            ON CONFLICT (module_code) DO UPDATE SET pre_test_minutes = excluded.pre_test_minutes, post_test_minutes = excluded.post_test_minutes,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new { code, request.PreTestMinutes, request.PostTestMinutes, by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        var bank = await ReadBankAsync(session, code);
        await session.CommitAsync();
        return TypedResults.Ok(bank);
    }

    private static async Task<QuestionBankView> ReadBankAsync(DataSession session, string code)
    {
        var limits = await QuestionStore.LimitsAsync(session, code);
        return new QuestionBankView(code, limits.PreTestMinutes, limits.PostTestMinutes, await QuestionStore.ReadAsync(session, code, null));
    }
}
