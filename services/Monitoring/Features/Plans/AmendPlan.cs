namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// POST /api/monitoring/plans/{id}/amendments — the team opens an amendment of its adopted plan, with the reason: a new
/// version, a draft holding the adopted content, which the advisor comments on and the council adopts in its turn; until
/// then the adopted version stays in force. Only when the latest version is adopted (409 otherwise). Announced as PlanAmended.
/// </summary>
public static class AmendPlan
{
    [OpenApiSchemaName("AmendPlanRequest")]
    public sealed record AmendRequest([property: FieldLabel("Powód zmiany planu", "Reason for the amendment")] string Reason);

    public sealed class Validator : AbstractValidator<AmendRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(2000)
            .WithMessage(_ => Text.Pick("Podaj powód zmiany planu (do 2000 znaków).", "Give the reason for the amendment (up to 2000 characters)."));
    }

    public static RouteHandlerBuilder MapAmendPlan(this IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/amendments", HandleAsync)
        .WithName("AmendPlan").WithSummary("Rozpocznij zmianę przyjętego planu / Start an amendment of the adopted plan")
        .Validate<AmendRequest>().Produces<PlanView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, AmendRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id) is not { } adopted)
        {
            return PlanVersionRow.NotFound();
        }
        if (adopted.Status != PlanStatus.Adopted)
        {
            return PlanStatus.WrongState(adopted.Status, "zmianę otwiera się dopiero w przyjętym planie.", "an amendment is opened only in an adopted plan.");
        }
        var (number, reason, by, now) = (adopted.Number + 1, request.Reason.Trim(), context.User.PersonId(), time.GetUtcNow());
        await session.ExecuteAsync($"""
            INSERT INTO plan_versions (id, plan_id, jst_terc, number, status, content, amendment_reason, created_by, created_at, updated_by, updated_at)
            SELECT @versionId, plan_id, jst_terc, @number, '{PlanStatus.Draft}', content, @reason, @by, @now, @by, @now FROM plan_versions WHERE id = @adoptedId
            """, new { versionId = Guid.CreateVersion7(), adoptedId = adopted.Id, number, reason, by, now = now.ToUniversalTime() });
        await session.EnqueueAsync(new PlanAmended { PlanId = id, JstTerc = adopted.JstTerc, Version = number, Reason = reason, AmendedAt = now });
        var view = (await PlanView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}/versions/{number}", view);
    }
}
