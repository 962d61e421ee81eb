using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults.Security;
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
    public static async Task<IReadOnlyList<SessionRow>> SessionsAsync(NpgsqlTransaction transaction, Guid? userId, string? email, CancellationToken ct)
    {
        // The person's own sessions across the JST they are in: the query itself is bound to their id and address.
        await transaction.SetJstScopeAsync(JstScope.All, ct);
        return (await transaction.Connection!.QueryAsync<SessionRow>(new CommandDefinition($"""
            {SessionRow.Select}
            WHERE s.cohort_id IN (
                SELECT t.cohort_id FROM teams t JOIN participants p ON p.application_id = t.application_id
                WHERE t.cohort_id IS NOT NULL AND t.withdrawn_at IS NULL AND p.left_at IS NULL AND lower(p.email) = lower(@email)
                UNION
                SELECT ct.cohort_id FROM cohort_trainers ct WHERE ct.user_id = @userId OR lower(ct.email) = lower(@email))
            ORDER BY s.starts_at, s.id
            """, new { userId, email }, transaction, cancellationToken: ct))).AsList();
    }
}
