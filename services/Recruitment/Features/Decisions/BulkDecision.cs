using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// Deciding a round in one step, by ranking: GET /api/recruitment/rounds/{id}/bulk-decision previews
/// which submitted applications would be accepted (the best, up to the free places) and which would go
/// to the reserve list (the rest); applications that failed the formal check are left out. POST applies
/// exactly the previewed plan: if anything changed since (a new decision, an adjusted score), it is
/// refused with 409 and the operator previews again.
/// </summary>
public static class BulkDecision
{
    [OpenApiSchemaName("BulkDecisionApplication")]
    public sealed record Entry(Guid Id, string JstTerc, string JstName, int Score, DateTimeOffset SubmittedAt);

    [OpenApiSchemaName("BulkDecisionPlan")]
    public sealed record Plan(int Capacity, int AlreadyAccepted, IReadOnlyList<Entry> Accept, IReadOnlyList<Entry> Reserve);

    [OpenApiSchemaName("ApplyBulkDecisionRequest")]
    public sealed record Apply(IReadOnlyList<Guid> Accept, IReadOnlyList<Guid> Reserve);

    public static IEndpointRouteBuilder MapBulkDecision(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rounds/{id:guid}/bulk-decision", PreviewAsync).WithName("PreviewBulkDecision")
            .WithSummary("Podgląd decyzji według rankingu / Preview of the decisions by ranking")
            .Produces<Plan>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Operator);
        api.MapPost("/rounds/{id:guid}/bulk-decision", ApplyAsync).WithName("ApplyBulkDecision")
            .WithSummary("Zastosuj podgląd decyzji / Apply the previewed decisions")
            .Produces<Plan>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> PreviewAsync(Guid id, DataSession session)
    {
        var plan = await PlanAsync(session, id);
        return plan is null ? RoundRows.NotFound() : TypedResults.Ok(plan);
    }

    private static async Task<IResult> ApplyAsync(Guid id, Apply request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (!await RoundRows.ExistsAsync(session, id))
        {
            return RoundRows.NotFound();
        }
        await RoundLock.TakeAsync(session, id);
        var plan = (await PlanAsync(session, id))!;
        if (!plan.Accept.Select(e => e.Id).SequenceEqual(request.Accept) || !plan.Reserve.Select(e => e.Id).SequenceEqual(request.Reserve))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Sytuacja się zmieniła.", "Things changed."),
                detail: Text.Pick("Od podglądu zmieniły się wnioski lub decyzje. Obejrzyj podgląd ponownie i zatwierdź go.",
                    "Applications or decisions changed since the preview. Look at the preview again and confirm it."));
        }
        var now = time.GetUtcNow();
        var operatorId = context.User.PersonId();
        var decisions = plan.Accept.Select(e => (e, ApplicationStatus.Accepted)).Concat(plan.Reserve.Select(e => (e, ApplicationStatus.Reserve)));
        foreach (var (entry, decision) in decisions)
        {
            var application = (await ApplicationStore.FindAsync(session, entry.Id))!;
            await DecisionLog.RecordAsync(session, application, decision, Text.Pick("Decyzja według rankingu.", "Decided by ranking."), operatorId, now);
            await session.EnqueueAsync(decision == ApplicationStatus.Accepted
                ? DecisionLog.Accepted(application, now, promoted: false)
                : new ApplicationPutOnReserve
                {
                    ApplicationId = application.Id, RoundId = application.RoundId, RoundName = application.RoundName, JstTerc = application.JstTerc,
                    JstName = application.JstName, DecidedAt = now, Coordinator = DecisionLog.Team(application).Single(m => m.IsCoordinator),
                });
        }
        await session.CommitAsync();
        return TypedResults.Ok(plan);
    }

    /// <summary>
    /// The plan as things stand in <paramref name="session"/>, or null when there is no such round. Every JST's
    /// application takes part in the ranking: the session is an operator's, whose scope is every JST.
    /// </summary>
    private static async Task<Plan?> PlanAsync(DataSession session, Guid id)
    {
        var capacity = await session.QuerySingleOrDefaultAsync<int?>("SELECT capacity FROM rounds WHERE id = @id", new { id });
        if (capacity is null)
        {
            return null;
        }
        var accepted = await RoundLock.AcceptedAsync(session, id);
        var ranked = (await session.QueryAsync<Entry>($"""
            SELECT a.id, a.jst_terc, j.name AS jst_name, a.score, a.submitted_at
            FROM applications a JOIN jst j ON j.terc = a.jst_terc
            WHERE a.round_id = @id AND a.status = '{ApplicationStatus.Submitted}' AND a.formal_check IS DISTINCT FROM false
            ORDER BY {Ranking.OrderBy}
            """, new { id })).ToList();
        var free = Math.Max(0, capacity.Value - accepted);
        return new Plan(capacity.Value, accepted, ranked.Take(free).ToList(), ranked.Skip(free).ToList());
    }
}
