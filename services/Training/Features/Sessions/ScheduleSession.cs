using System.Security.Cryptography;
using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// POST /api/training/cohorts/{id}/sessions — an operator schedules a session of one module for a cohort.
/// The module must be in the cohort's programme version (422 otherwise). The session gets its check-in
/// code, and <c>SessionScheduled</c> goes out through the outbox for the notices. A session with fewer seats
/// than the cohort has people is refused (409, see <see cref="SessionCapacity"/>).
/// </summary>
public static class ScheduleSession
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/I).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewCheckInCode() => RandomNumberGenerator.GetString(CodeAlphabet, 6);

    public static RouteHandlerBuilder MapScheduleSession(this IEndpointRouteBuilder api) => api
        .MapPost("/cohorts/{id:guid}/sessions", HandleAsync)
        .WithName("ScheduleSession")
        .WithSummary("Zaplanuj zajęcia grupy / Schedule a cohort's session")
        .Validate<SessionRequest>()
        .Produces<SessionView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, SessionRequest request, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var version = await session.QuerySingleOrDefaultAsync<int?>("SELECT programme_version FROM cohorts WHERE id = @id", new { id });
        if (version is null)
        {
            return CohortAccess.NotFound();
        }
        if (await SessionModules.RefusalAsync(session, version.Value, request.ModuleCode) is { } refusal)
        {
            return refusal;
        }
        if (await SessionCapacity.RefusalAsync(session, id, request.Capacity) is { } tooSmall)
        {
            return tooSmall;
        }
        var sessionId = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO sessions (id, cohort_id, module_code, starts_at, ends_at, form, place, online_url, capacity, hours, check_in_code, created_at, updated_at)
            VALUES (@sessionId, @id, @ModuleCode, @startsAt, @endsAt, @Form, @place, @onlineUrl, @Capacity, @hours, @code, @now, @now)
            """, new
        {
            sessionId, id, request.ModuleCode, request.Form, request.Capacity,
            startsAt = WarsawTime.ToInstant(request.StartsAt), endsAt = WarsawTime.ToInstant(request.EndsAt),
            place = Blank(request.Place), onlineUrl = Blank(request.OnlineUrl), hours = request.CountedHours, code = NewCheckInCode(),
            now = now.ToUniversalTime(),
        });
        var scheduled = (await SessionModules.FindAsync(session, sessionId))!;
        await SessionNotice.EnqueueAsync(session, scheduled, previousStartsAt: null, now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/training/sessions/{sessionId}", scheduled.ToView());
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class SessionModules
{
    /// <summary>422 when the cohort's programme version has no such module.</summary>
    public static async Task<IResult?> RefusalAsync(DataSession session, int version, string moduleCode) =>
        await session.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM programme_modules WHERE version = @version AND code = @moduleCode)", new { version, moduleCode })
            ? null
            : Problems.Unprocessable($"Wersja {version} programu, którą realizuje ta grupa, nie ma modułu {moduleCode}.",
                $"Version {version} of the programme, which this cohort follows, has no module {moduleCode}.");

    public static Task<SessionRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<SessionRow>(SessionRow.Select + " WHERE s.id = @id" + (forUpdate ? " FOR NO KEY UPDATE OF s" : ""), new { id });

    /// <summary>Whether attendance of the session is recorded: then it took place, and is neither moved nor cancelled.</summary>
    public static Task<bool> HasAttendanceAsync(DataSession session, Guid id) =>
        session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM attendance WHERE session_id = @id)", new { id });

    public static IResult Cancelled(SessionRow session) => Problems.Conflict("Zajęcia są odwołane.", "The session is cancelled.",
        $"Zajęcia {session.ModuleCode} z {WarsawTime.InWarsaw(session.StartsAt):yyyy-MM-dd HH:mm} odwołano; nie można ich zmieniać ani zapisywać na nich obecności. Zaplanuj nowe zajęcia.",
        $"Session {session.ModuleCode} of {WarsawTime.InWarsaw(session.StartsAt):yyyy-MM-dd HH:mm} was cancelled; it cannot be changed nor take attendance. Schedule a new session.");

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma takich zajęć albo nie masz do nich dostępu.", "There is no such session, or you have no access to it.");
}
