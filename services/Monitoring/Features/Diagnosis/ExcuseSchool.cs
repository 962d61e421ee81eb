namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/questionnaires/{id}/excuse — the JST's team excuses a school whose questionnaire will not be
/// submitted (closed for renovation, merged, …), giving the reason; the diagnosis is then submitted without it.
/// DELETE …/excuse withdraws the excuse. Only a school's questionnaire that is not submitted, while the diagnosis is a
/// draft or returned for changes.
/// </summary>
public static class ExcuseSchool
{
    [OpenApiSchemaName("DiagnosisSchoolExcuseRequest")]
    public sealed record ExcuseRequest([property: FieldLabel("Powód zwolnienia szkoły", "Reason for excusing the school")] string Reason);

    public sealed class Validator : AbstractValidator<ExcuseRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód, dla którego szkoła nie wypełni kwestionariusza (do 1000 znaków).",
                "Give the reason the school will not fill in the questionnaire (up to 1000 characters)."));
    }

    /// <param name="ExcusedReason">Null once the excuse is withdrawn.</param>
    [OpenApiSchemaName("DiagnosisSchoolExcuse")]
    public sealed record ExcuseView(Guid QuestionnaireId, string? ExcusedReason, DateTimeOffset? ExcusedAt);

    public static IEndpointRouteBuilder MapExcuseSchool(this IEndpointRouteBuilder api)
    {
        api.MapPost("/questionnaires/{id:guid}/excuse", ExcuseAsync)
            .WithName("ExcuseDiagnosisSchool").WithSummary("Zwolnij szkołę z kwestionariusza, podając powód / Excuse a school from its questionnaire, with a reason")
            .Validate<ExcuseRequest>().Produces<ExcuseView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.JstTeam);
        api.MapDelete("/questionnaires/{id:guid}/excuse", WithdrawAsync)
            .WithName("WithdrawDiagnosisSchoolExcuse").WithSummary("Wycofaj zwolnienie szkoły / Withdraw a school's excuse")
            .Produces<ExcuseView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static Task<IResult> ExcuseAsync(Guid id, ExcuseRequest request, HttpContext context, DataSession session, TimeProvider time) =>
        SetAsync(id, request.Reason.Trim(), context, session, time);

    private static Task<IResult> WithdrawAsync(Guid id, HttpContext context, DataSession session, TimeProvider time) =>
        SetAsync(id, null, context, session, time);

    private static async Task<IResult> SetAsync(Guid id, string? reason, HttpContext context, DataSession session, TimeProvider time)
    {
        // Found for a change, the questionnaire holds its diagnosis's status as it is until this commits (Questionnaires.FindAsync).
        if (await TeamAccess.FindForTeamAsync(session, context.User, id) is not { } questionnaire)
        {
            return Questionnaires.NotFound();
        }
        if (questionnaire.SchoolId is null)
        {
            return Problems.Unprocessable("Zwalnia się szkołę; kwestionariusz zespołu JST wypełnia zespół.",
                "A school is excused; the JST team's questionnaire is the team's to fill.");
        }
        if (!DiagnosisStatus.IsEditable(questionnaire.DiagnosisStatus))
        {
            return DiagnosisStatus.WrongState(questionnaire.DiagnosisStatus, "szkoły zwalnia się przed przesłaniem diagnozy do oceny.",
                "schools are excused before the diagnosis is submitted to review.");
        }
        if (reason is not null && questionnaire.Status == QuestionnaireStatus.Submitted)
        {
            return Problems.Conflict("Kwestionariusz szkoły jest przesłany.", "The school's questionnaire has been submitted.",
                "Szkoły, która przesłała kwestionariusz, nie zwalnia się z niego.", "A school that has submitted its questionnaire is not excused from it.");
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync("UPDATE questionnaires SET excused_reason = @reason, excused_at = @at, excused_by = @by WHERE id = @id", new
        {
            id, reason, at = reason is null ? (DateTimeOffset?)null : now.ToUniversalTime(), by = reason is null ? null : context.User.PersonId(),
        });
        await session.CommitAsync();
        return TypedResults.Ok(new ExcuseView(id, reason, reason is null ? null : now));
    }
}
