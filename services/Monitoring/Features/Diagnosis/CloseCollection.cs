namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/diagnoses/{id}/close-collection — the JST's team ends collection: from then on no answer is
/// saved, submitted or reopened in the diagnosis, and every school link answers 410. Questionnaires keep what they hold.
/// </summary>
public static class CloseCollection
{
    private sealed record Collecting(DateTimeOffset? CollectionClosedAt);

    public static RouteHandlerBuilder MapCloseCollection(this IEndpointRouteBuilder api) => api
        .MapPost("/diagnoses/{id:guid}/close-collection", HandleAsync)
        .WithName("CloseDiagnosisCollection").WithSummary("Zakończ zbieranie danych / End the diagnosis's collection")
        .Produces<DiagnosisView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        // The team's own JST only: an advisor or ORE reads the diagnosis, and does not close it.
        if (await session.QuerySingleOrDefaultAsync<Collecting>("SELECT collection_closed_at FROM diagnoses WHERE id = @id AND jst_terc = @terc FOR UPDATE",
                new { id, terc = context.User.JstTerc() }) is not { } diagnosis)
        {
            return DiagnosisView.NotFound();
        }
        if (diagnosis.CollectionClosedAt is not null)
        {
            return Problems.Conflict("Zbieranie danych już zakończono.", "Collection has ended already.",
                "Zespół JST zakończył już zbieranie danych w tej diagnozie.", "The JST's team has already ended collection in this diagnosis.");
        }
        await session.ExecuteAsync("UPDATE diagnoses SET collection_closed_at = @now, collection_closed_by = @by WHERE id = @id",
            new { id, now = now.ToUniversalTime(), by = context.User.PersonId() });
        var view = (await DiagnosisView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
