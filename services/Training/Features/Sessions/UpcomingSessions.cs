using Dapper;
using Npgsql;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// GET /api/training/public/sessions — the next training sessions for the public programme page: module, dates and
/// form (on site, online or mixed). No cohort, place, link, trainer or participant: nothing about a person and
/// nothing that lets a stranger join. Cancelled sessions are left out. For everyone, without signing in.
/// </summary>
public static class UpcomingSessions
{
    public const int MaxCount = 50;

    public sealed record PublicSession(string ModuleCode, string ModuleTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Form);

    private sealed record Row(string ModuleCode, string ModuleTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Form);

    public static RouteHandlerBuilder MapUpcomingSessions(this IEndpointRouteBuilder api) => api
        .MapGet("/public/sessions", HandleAsync)
        .WithName("UpcomingSessions")
        .WithSummary("Najbliższe zajęcia (terminy i forma) / The next sessions (dates and form)")
        .Produces<IReadOnlyList<PublicSession>>()
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(NpgsqlDataSource db, TimeProvider time, CancellationToken ct, int limit = 10)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT s.module_code, m.title AS module_title, s.starts_at, s.ends_at, s.form
            FROM sessions s JOIN cohorts c ON c.id = s.cohort_id JOIN programme_modules m ON m.version = c.programme_version AND m.code = s.module_code
            WHERE s.cancelled_at IS NULL AND s.starts_at > @now
            ORDER BY s.starts_at, s.id LIMIT @limit
            """, new { now = time.GetUtcNow().ToUniversalTime(), limit = Math.Clamp(limit, 1, MaxCount) }, cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new PublicSession(r.ModuleCode, r.ModuleTitle, WarsawTime.InWarsaw(r.StartsAt), WarsawTime.InWarsaw(r.EndsAt),
            r.Form)).ToList());
    }
}
