namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// PUT /api/monitoring/plans/{id}/content?revision=N — the team saves the whole content of the version being written (a
/// draft, or revised after consultation), naming the revision it changed: a save over someone else's newer one is a 409
/// (nothing lost silently). Each field's error names it (<c>actions[2].budget[0].amount</c>); findings must be of the
/// accepted diagnosis, schools of the JST.
/// </summary>
public static class SavePlanContent
{
    public static RouteHandlerBuilder MapSavePlanContent(this IEndpointRouteBuilder api) => api
        .MapPut("/plans/{id:guid}/content", HandleAsync)
        .WithName("SavePlanContent").WithSummary("Zapisz treść planu / Save the plan's content")
        .Validate<PlanContent>().Produces<PlanVersionView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, int revision, PlanContent content, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id) is not { } version)
        {
            return PlanVersionRow.NotFound();
        }
        if (!PlanStatus.IsEditable(version.Status))
        {
            return PlanStatus.NotEditable(version.Status);
        }
        if (version.Revision != revision)
        {
            return Problems.Conflict("Plan zmienił się w międzyczasie.", "The plan changed meanwhile.",
                $"Zapisujesz zmiany wersji {revision}, a plan ma już wersję {version.Revision} (zapisał ją ktoś inny); wczytaj plan ponownie.",
                $"You save changes to revision {revision}, but the plan is at revision {version.Revision} (someone else saved it); load the plan again.");
        }
        var diagnosisId = await session.ExecuteScalarAsync<Guid>("SELECT diagnosis_id FROM plans WHERE id = @id", new { id });
        if (await PlanReferences.CheckAsync(session, diagnosisId, version.JstTerc, content) is { } invalid)
        {
            return invalid;
        }
        await session.ExecuteAsync("""
            UPDATE plan_versions SET content = @content::jsonb, revision = revision + 1, updated_by = @by, updated_at = @now WHERE id = @versionId
            """, new { versionId = version.Id, content = PlanJson.Of(content.WithIds()), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        var saved = (await PlanVersionRow.LatestAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(PlanVersionView.Of(saved));
    }
}
