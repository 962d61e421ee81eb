namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// POST /api/monitoring/schools/{id}/closure — the JST's team closes a school (liquidated, merged, no longer run by the JST),
/// with the reason; POST …/reopening — puts a closed one back on the list, with the reason. A closed school stays in the
/// register (and its history); the import never reopens it. Closing a closed school or reopening an active one is a 409.
/// What hangs on the list follows in the same transaction (<see cref="ISchoolRegisterObserver"/>: a diagnosis collecting
/// excuses a closed school's questionnaire still to come, and gives a reopened school its questionnaire).
/// </summary>
public static class CloseSchool
{
    public static IEndpointRouteBuilder MapCloseSchool(this IEndpointRouteBuilder api)
    {
        api.MapPost("/schools/{id:guid}/closure", CloseAsync)
            .WithName("CloseSchool").WithSummary("Zespół zamyka szkołę / The team closes a school")
            .Validate<SchoolStatusChange>().Produces<SchoolView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/schools/{id:guid}/reopening", ReopenAsync)
            .WithName("ReopenSchool").WithSummary("Zespół przywraca zamkniętą szkołę / The team reopens a closed school")
            .Validate<SchoolStatusChange>().Produces<SchoolView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static Task<IResult> CloseAsync(Guid id, SchoolStatusChange request, HttpContext context, DataSession session,
        ISchoolRegisterObserver observer, TimeProvider time) =>
        ChangeStatusAsync(id, SchoolStatus.Active, SchoolChange.Closed, "status = 'closed', closed_at = @now, closed_reason = @reason",
            request, context, session, time, (school, now) => observer.SchoolClosedAsync(session, school, context.User.PersonId(), now));

    private static Task<IResult> ReopenAsync(Guid id, SchoolStatusChange request, HttpContext context, DataSession session,
        ISchoolRegisterObserver observer, TimeProvider time) =>
        ChangeStatusAsync(id, SchoolStatus.Closed, SchoolChange.Reopened, "status = 'active', closed_at = NULL, closed_reason = NULL",
            request, context, session, time, (school, now) => observer.SchoolActiveAsync(session, school, now));

    /// <param name="follow">Tells the observer of the register the school as it is after the change.</param>
    private static async Task<IResult> ChangeStatusAsync(Guid id, string from, string change, string set, SchoolStatusChange request,
        HttpContext context, DataSession session, TimeProvider time, Func<SchoolView, DateTimeOffset, Task> follow)
    {
        if (await SchoolStore.FindAsync(session, id, forUpdate: true) is not { } school)
        {
            return SchoolStore.NotFound();
        }
        if (school.Status != from)
        {
            return from == SchoolStatus.Active
                ? Problems.Conflict("Szkoła jest już zamknięta.", "The school is closed already.",
                    "Zamyka się tylko szkołę działającą.", "Only an active school is closed.")
                : Problems.Conflict("Szkoła działa.", "The school is active.",
                    "Przywraca się tylko szkołę zamkniętą.", "Only a closed school is reopened.");
        }
        var now = time.GetUtcNow();
        var changed = await SchoolStore.ChangeAsync(session, id, change, set, new { }, request.Reason.Trim(), Caller.From(context.User), now);
        await follow(changed, now);
        await session.CommitAsync();
        return TypedResults.Ok(changed);
    }
}
