using Cro.Training.Features.Enrolment;
using Cro.Training.Features.Sessions;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Cohorts;

/// <summary>A cohort: the programme version it follows, its teams (with the people the caller may see), trainers and sessions.</summary>
public sealed record CohortView(Guid Id, string Name, int ProgrammeVersion, DateTimeOffset CreatedAt, IReadOnlyList<TeamView> Teams,
    IReadOnlyList<TrainerView> Trainers, IReadOnlyList<SessionView> Sessions);

public sealed record TrainerView(string Email, string FullName, Guid? UserId, DateTimeOffset AssignedAt);

internal static class CohortViews
{
    private sealed record CohortRow(Guid Id, string Name, int ProgrammeVersion, DateTimeOffset CreatedAt);

    /// <summary>Reads the cohort under the transaction's scope (people of JST out of scope are left out); null when there is none.</summary>
    public static async Task<CohortView?> FindAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        CommandDefinition Query(string sql) => new(sql, new { id }, transaction, cancellationToken: ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<CohortRow>(Query(
            "SELECT id, name, programme_version, created_at FROM cohorts WHERE id = @id"));
        if (cohort is null)
        {
            return null;
        }
        var teams = await connection.QueryAsync<TeamRow>(Query(TeamRow.Select + " WHERE t.cohort_id = @id ORDER BY t.jst_name, t.application_id"));
        var people = (await connection.QueryAsync<ParticipantRow>(Query($"""
            SELECT {ParticipantRow.Columns} FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE t.cohort_id = @id ORDER BY p.left_at NULLS FIRST, p.is_coordinator DESC, p.full_name
            """))).ToLookup(p => p.ApplicationId);
        var trainers = await connection.QueryAsync<TrainerView>(Query(
            "SELECT email, full_name, user_id, assigned_at FROM cohort_trainers WHERE cohort_id = @id ORDER BY full_name, email"));
        var sessions = await connection.QueryAsync<SessionRow>(Query(SessionRow.Select + " WHERE s.cohort_id = @id ORDER BY s.starts_at, s.id"));
        return new CohortView(cohort.Id, cohort.Name, cohort.ProgrammeVersion, cohort.CreatedAt,
            [.. teams.Select(t => t.ToView(people[t.ApplicationId]))], [.. trainers], [.. sessions.Select(s => s.ToView())]);
    }
}
