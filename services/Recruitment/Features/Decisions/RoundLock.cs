using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// Decisions that take or free places of a round run one at a time per round: each locks the round's
/// row for its transaction before counting the accepted applications.
/// </summary>
internal static class RoundLock
{
    /// <summary>Locks the round until the session ends and returns its capacity.</summary>
    public static Task<int> TakeAsync(DataSession session, Guid roundId) =>
        session.QuerySingleAsync<int>("SELECT capacity FROM rounds WHERE id = @roundId FOR UPDATE", new { roundId });

    public static Task<int> AcceptedAsync(DataSession session, Guid roundId) =>
        session.ExecuteScalarAsync<int>(
            $"SELECT count(*)::int FROM applications WHERE round_id = @roundId AND status = '{ApplicationStatus.Accepted}'", new { roundId });
}
