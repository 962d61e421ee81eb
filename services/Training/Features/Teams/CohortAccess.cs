using Cro.Training.Features.Access;
using Cro.Training.Features.Enrolment;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Cohorts;

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
    public static async Task<CohortRole> RoleAsync(NpgsqlTransaction transaction, Caller caller, Guid cohortId, CancellationToken ct)
    {
        if (caller.IsOperator)
        {
            return CohortRole.Operator;
        }
        if (caller.IsTrainer && await IsTrainerAsync(transaction, caller, cohortId, ct))
        {
            return CohortRole.Trainer;
        }
        var mine = await ParticipantRow.MineAsync(transaction, caller, ct);
        if (mine.Count > 0 && await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM teams WHERE cohort_id = @cohortId AND application_id = ANY (@teams))",
                new { cohortId, teams = mine.Select(p => p.ApplicationId).ToArray() }, transaction, cancellationToken: ct)))
        {
            return CohortRole.Participant;
        }
        return CohortRole.None;
    }

    private static Task<bool> IsTrainerAsync(NpgsqlTransaction transaction, Caller caller, Guid cohortId, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM cohort_trainers c WHERE c.cohort_id = @cohortId AND {Caller.TrainerMatch("c")})",
            new { cohortId, caller.UserId, caller.Email }, transaction, cancellationToken: ct));

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma takiej grupy albo nie masz do niej dostępu.", "There is no such cohort, or you have no access to it.");
}
