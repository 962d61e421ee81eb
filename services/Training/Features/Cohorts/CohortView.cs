using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Cohorts;

/// <summary>A cohort: the programme version it follows, its teams (with the people the caller may see), trainers and sessions.</summary>
public sealed record CohortView(Guid Id, string Name, int ProgrammeVersion, DateTimeOffset CreatedAt, IReadOnlyList<TeamView> Teams,
    IReadOnlyList<TrainerView> Trainers, IReadOnlyList<SessionView> Sessions);

public sealed record TrainerView(string Email, string FullName, Guid? UserId, DateTimeOffset AssignedAt);

internal static class CohortViews
{
    private sealed record CohortRow(Guid Id, string Name, int ProgrammeVersion, DateTimeOffset CreatedAt);

    /// <summary>Reads the cohort under the session's scope (people of JST out of scope are left out); null when there is none.</summary>
    public static async Task<CohortView?> FindAsync(DataSession session, Guid id)
    {
        var parameters = new { id };
        if (await session.QuerySingleOrDefaultAsync<CohortRow>("SELECT id, name, programme_version, created_at FROM cohorts WHERE id = @id", parameters) is not { } cohort)
        {
            return null;
        }
        var teams = await session.QueryAsync<TeamRow>(TeamRow.Select + " WHERE t.cohort_id = @id ORDER BY t.jst_name, t.application_id", parameters);
        var people = (await session.QueryAsync<ParticipantRow>($"""
            SELECT {ParticipantRow.Columns} FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE t.cohort_id = @id ORDER BY {ParticipantRow.TeamOrder}
            """, parameters)).ToLookup(p => p.ApplicationId);
        var trainers = await session.QueryAsync<TrainerView>(
            "SELECT email, full_name, user_id, assigned_at FROM cohort_trainers WHERE cohort_id = @id ORDER BY full_name, email", parameters);
        var sessions = await session.QueryAsync<SessionRow>(SessionRow.Select + " WHERE s.cohort_id = @id ORDER BY s.starts_at, s.id", parameters);
        return new CohortView(cohort.Id, cohort.Name, cohort.ProgrammeVersion, cohort.CreatedAt,
            [.. teams.Select(t => t.ToView(people[t.ApplicationId]))], [.. trainers], [.. sessions.Select(s => s.ToView())]);
    }
}
