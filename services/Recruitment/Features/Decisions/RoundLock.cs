using Dapper;
using Npgsql;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// Decisions that take or free places of a round run one at a time per round: each locks the round's
/// row for its transaction before counting the accepted applications.
/// </summary>
internal static class RoundLock
{
    /// <summary>Locks the round until the transaction ends and returns its capacity.</summary>
    public static Task<int> TakeAsync(NpgsqlTransaction transaction, Guid roundId, CancellationToken ct) =>
        transaction.Connection!.QuerySingleAsync<int>(new CommandDefinition(
            "SELECT capacity FROM rounds WHERE id = @roundId FOR UPDATE", new { roundId }, transaction, cancellationToken: ct));

    public static Task<int> AcceptedAsync(NpgsqlTransaction transaction, Guid roundId, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM applications WHERE round_id = @roundId AND status = 'accepted'", new { roundId }, transaction, cancellationToken: ct));
}
