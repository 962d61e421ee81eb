namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// POST /api/monitoring/plans — the JST's team starts its strategic plan on its accepted diagnosis (the latest accepted):
/// version 1, an empty draft. One plan per JST (409 when it exists); 422 without an accepted diagnosis.
/// </summary>
public static class StartPlan
{
    public static RouteHandlerBuilder MapStartPlan(this IEndpointRouteBuilder api) => api
        .MapPost("/plans", HandleAsync)
        .WithName("StartPlan").WithSummary("Rozpocznij plan strategiczny JST / Start the JST's strategic plan")
        .Produces<PlanView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(HttpContext context, DataSession session, TimeProvider time)
    {
        if (context.User.JstTerc() is not { } terc || !session.Scope.CanSee(terc))
        {
            return Problems.Forbidden("Konto nie jest przypisane do JST.", "The account is not assigned to a JST.");
        }
        // Starts of one JST queue up, so two members starting at once get one plan and a 409.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('cro-plan:' || @terc))", new { terc });
        if (await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM plans WHERE jst_terc = @terc)", new { terc }))
        {
            return Problems.Conflict("Plan już istnieje.", "The plan exists already.",
                "JST ma już plan strategiczny; zmienia się go kolejną wersją (zmianą planu).",
                "The JST has its strategic plan already; it changes by a new version (an amendment).");
        }
        var diagnosisId = await session.ExecuteScalarAsync<Guid?>(
            "SELECT id FROM diagnoses WHERE jst_terc = @terc AND status = 'accepted' ORDER BY accepted_at DESC LIMIT 1", new { terc });
        if (diagnosisId is null)
        {
            return Problems.Unprocessable("Plan opiera się na ustaleniach diagnozy: najpierw doradca akceptuje diagnozę JST.",
                "The plan rests on the diagnosis's findings: first the advisor accepts the JST's diagnosis.");
        }
        var (id, by, now) = (Guid.CreateVersion7(), context.User.PersonId(), time.GetUtcNow().ToUniversalTime());
        await session.ExecuteAsync($"""
            INSERT INTO plans (id, jst_terc, diagnosis_id, created_by, created_at) VALUES (@id, @terc, @diagnosisId, @by, @now);
            INSERT INTO plan_versions (id, plan_id, jst_terc, number, status, content, created_by, created_at, updated_by, updated_at)
            VALUES (@versionId, @id, @terc, 1, '{PlanStatus.Draft}', @content::jsonb, @by, @now, @by, @now);
            """, new { id, terc, diagnosisId, by, now, versionId = Guid.CreateVersion7(), content = PlanJson.Of(PlanContent.Empty) });
        var view = (await PlanView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}", view);
    }
}
