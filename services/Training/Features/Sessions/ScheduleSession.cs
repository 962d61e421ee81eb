using System.Security.Cryptography;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Access;
using Cro.Training.Features.Cohorts;
using Dapper;
using Npgsql;

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

    private static async Task<IResult> HandleAsync(Guid id, SessionRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TrainingScope.SetAsync(transaction, context.User, ct);
        var version = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT programme_version FROM cohorts WHERE id = @id", new { id }, transaction, cancellationToken: ct));
        if (version is null)
        {
            return CohortAccess.NotFound();
        }
        if (await SessionModules.RefusalAsync(transaction, version.Value, request.ModuleCode, ct) is { } refusal)
        {
            return refusal;
        }
        if (await SessionCapacity.RefusalAsync(transaction, id, request.Capacity, ct) is { } tooSmall)
        {
            return tooSmall;
        }
        var sessionId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sessions (id, cohort_id, module_code, starts_at, ends_at, form, place, online_url, capacity, hours, check_in_code, created_at, updated_at)
            VALUES (@sessionId, @id, @ModuleCode, @startsAt, @endsAt, @Form, @place, @onlineUrl, @Capacity, @hours, @code, @now, @now)
            """, new
        {
            sessionId, id, request.ModuleCode, request.Form, request.Capacity,
            startsAt = WarsawTime.ToInstant(request.StartsAt), endsAt = WarsawTime.ToInstant(request.EndsAt),
            place = Blank(request.Place), onlineUrl = Blank(request.OnlineUrl), hours = request.CountedHours, code = NewCheckInCode(),
            now = now.ToUniversalTime(),
        }, transaction, cancellationToken: ct));
        var session = await SessionModules.FindAsync(transaction, sessionId, ct);
        await SessionNotice.EnqueueAsync(transaction, session!, previousStartsAt: null, now, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/training/sessions/{sessionId}", session!.ToView());
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class SessionModules
{
    /// <summary>422 when the cohort's programme version has no such module.</summary>
    public static async Task<IResult?> RefusalAsync(NpgsqlTransaction transaction, int version, string moduleCode, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM programme_modules WHERE version = @version AND code = @moduleCode)",
            new { version, moduleCode }, transaction, cancellationToken: ct))
            ? null
            : Problems.Unprocessable($"Wersja {version} programu, którą realizuje ta grupa, nie ma modułu {moduleCode}.",
                $"Version {version} of the programme, which this cohort follows, has no module {moduleCode}.");

    public static Task<SessionRow?> FindAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct, bool forUpdate = false) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            SessionRow.Select + " WHERE s.id = @id" + (forUpdate ? " FOR NO KEY UPDATE OF s" : ""), new { id }, transaction, cancellationToken: ct));

    public static IResult Cancelled(SessionRow session) => Problems.Conflict("Zajęcia są odwołane.", "The session is cancelled.",
        $"Zajęcia {session.ModuleCode} z {WarsawTime.InWarsaw(session.StartsAt):yyyy-MM-dd HH:mm} odwołano; nie można ich zmieniać ani zapisywać na nich obecności. Zaplanuj nowe zajęcia.",
        $"Session {session.ModuleCode} of {WarsawTime.InWarsaw(session.StartsAt):yyyy-MM-dd HH:mm} was cancelled; it cannot be changed nor take attendance. Schedule a new session.");

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma takich zajęć albo nie masz do nich dostępu.", "There is no such session, or you have no access to it.");
}
