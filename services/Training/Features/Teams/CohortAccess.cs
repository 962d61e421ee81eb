using Cro.Training.Features.Access;

namespace Cro.Training.Features.Teams;

/// <summary>What a caller is to a cohort: an operator sees and runs every cohort, a trainer the ones assigned to them, a participant their own.</summary>
internal enum CohortRole
{
    None,
    Participant,
    Trainer,
    Operator,
}

internal static class CohortAccess
{
    /// <summary>Runs under the caller's scope (<see cref="TrainingScope"/>).</summary>
    public static async Task<CohortRole> RoleAsync(DataSession session, Caller caller, Guid cohortId)
    {
        if (caller.IsOperator)
        {
            return CohortRole.Operator;
        }
        if (caller.IsTrainer && await IsTrainerAsync(session, caller, cohortId))
        {
            return CohortRole.Trainer;
        }
        var mine = await ParticipantRow.MineAsync(session, caller);
        if (mine.Count > 0 && await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM teams WHERE cohort_id = @cohortId AND application_id = ANY (@teams))",
                new { cohortId, teams = mine.Select(p => p.ApplicationId).ToArray() }))
        {
            return CohortRole.Participant;
        }
        return CohortRole.None;
    }

    /// <summary>Whether the caller trains the cohort, or runs every cohort as an operator.</summary>
    public static async Task<bool> RunsAsync(DataSession session, Caller caller, Guid cohortId) =>
        await RoleAsync(session, caller, cohortId) is CohortRole.Trainer or CohortRole.Operator;

    private static Task<bool> IsTrainerAsync(DataSession session, Caller caller, Guid cohortId) =>
        session.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM cohort_trainers c WHERE c.cohort_id = @cohortId AND {Caller.Match("c")})",
            new { cohortId, caller.UserId, caller.Email });

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma takiej grupy albo nie masz do niej dostępu.", "There is no such cohort, or you have no access to it.");
}
