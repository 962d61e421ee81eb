using Cro.Training.Features.Access;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// PUT /api/training/sessions/{id} — an operator changes a session. A new time, place, form, link or module
/// is a move: the session's sequence goes up and <c>SessionScheduled</c> goes out with Moved set (and the
/// previous start), so calendars update the event and people are told. Capacity or hours alone change
/// quietly, but not below the cohort's people (409, see <see cref="SessionCapacity"/>). Once attendance is
/// recorded the session has happened and is not moved (409); a cancelled session is not changed either (409).
/// </summary>
public static class MoveSession
{
    public static RouteHandlerBuilder MapMoveSession(this IEndpointRouteBuilder api) => api
        .MapPut("/sessions/{id:guid}", HandleAsync)
        .WithName("MoveSession")
        .WithSummary("Zmień zajęcia (termin, miejsce) / Change a session (time, place)")
        .Validate<SessionRequest>()
        .Produces<SessionView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, SessionRequest request, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await SessionModules.FindAsync(session, id, forUpdate: true) is not { } before)
        {
            return SessionModules.NotFound();
        }
        if (before.IsCancelled)
        {
            return SessionModules.Cancelled(before);
        }
        if (await SessionModules.RefusalAsync(session, before.ProgrammeVersion, request.ModuleCode) is { } refusal)
        {
            return refusal;
        }
        if (await SessionCapacity.RefusalAsync(session, before.CohortId, request.Capacity) is { } tooSmall)
        {
            return tooSmall;
        }
        if (await SessionModules.HasAttendanceAsync(session, id))
        {
            return Problems.Conflict("Zajęcia się odbyły.", "The session took place.",
                "Obecność na tych zajęciach jest już zapisana, więc nie można ich przenieść. Zaplanuj nowe zajęcia.",
                "Attendance of this session is recorded, so it cannot be moved. Schedule a new session.");
        }
        var (startsAt, endsAt) = (WarsawTime.ToInstant(request.StartsAt), WarsawTime.ToInstant(request.EndsAt));
        var (place, onlineUrl) = (ScheduleSession.Blank(request.Place), ScheduleSession.Blank(request.OnlineUrl));
        var moved = startsAt != before.StartsAt || endsAt != before.EndsAt || request.Form != before.Form || place != before.Place
            || onlineUrl != before.OnlineUrl || request.ModuleCode != before.ModuleCode;
        await session.ExecuteAsync("""
            UPDATE sessions SET module_code = @ModuleCode, starts_at = @startsAt, ends_at = @endsAt, form = @Form, place = @place,
                   online_url = @onlineUrl, capacity = @Capacity, hours = @hours, sequence = sequence + @bump, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, request.ModuleCode, startsAt, endsAt, request.Form, place, onlineUrl, request.Capacity, hours = request.CountedHours,
            bump = moved ? 1 : 0, now = now.ToUniversalTime(),
        });
        var after = (await SessionModules.FindAsync(session, id))!;
        if (moved)
        {
            await SessionNotice.EnqueueAsync(session, after, before.StartsAt, now);
        }
        await session.CommitAsync();
        return TypedResults.Ok(after.ToView());
    }
}
