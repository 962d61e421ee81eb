using System.Data;
using Cro.Training.Features.Sessions;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Calendar;

/// <summary>
/// The sessions of one person: of the cohorts they take part in (an active participant of a team still in
/// the programme) or train. Found by their account id and address, whichever the rows carry.
/// </summary>
internal static class PersonSchedule
{
    /// <summary>
    /// A session to read a person's schedule in: across every JST they are in, as the query itself is bound to their id
    /// and address; one snapshot for all its reads.
    /// </summary>
    public static Task<DataSession> OpenAsync(NpgsqlDataSource db, CancellationToken ct) =>
        DataSession.OpenAsync(db, JstScope.All, ct, IsolationLevel.RepeatableRead);

    /// <summary>Runs in a session of <see cref="OpenAsync"/>.</summary>
    public static async Task<IReadOnlyList<SessionRow>> SessionsAsync(DataSession session, Guid? userId, string? email) =>
        (await session.QueryAsync<SessionRow>($"""
            {SessionRow.Select}
            WHERE s.cohort_id IN (
                SELECT t.cohort_id FROM teams t JOIN participants p ON p.application_id = t.application_id
                WHERE t.cohort_id IS NOT NULL AND t.withdrawn_at IS NULL AND p.left_at IS NULL AND lower(p.email) = lower(@email)
                UNION
                SELECT ct.cohort_id FROM cohort_trainers ct WHERE ct.user_id = @userId OR lower(ct.email) = lower(@email))
            ORDER BY s.starts_at, s.id
            """, new { userId, email })).AsList();
}
