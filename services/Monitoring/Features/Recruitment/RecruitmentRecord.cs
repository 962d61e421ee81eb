using Dapper;
using Npgsql;

namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// The row of one application in monitoring's record of recruitment. Whichever of its events comes first
/// creates it; each event then fills in its own columns, so the order they arrive in does not matter.
/// </summary>
internal static class RecruitmentRecord
{
    public sealed record Application(Guid ApplicationId, Guid RoundId, string RoundName, string JstTerc, string VoivodeshipTerc);

    /// <summary>The round and the application's row, created if this is the first event of either.</summary>
    public static Task EnsureAsync(NpgsqlTransaction transaction, Application application, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO recruitment_rounds (id, name) VALUES (@RoundId, @RoundName)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name;
            INSERT INTO recruitment_applications (id, round_id, jst_terc, voivodeship_terc)
            VALUES (@ApplicationId, @RoundId, @JstTerc, @VoivodeshipTerc)
            ON CONFLICT (id) DO NOTHING;
            """, application, transaction, cancellationToken: ct));
}
