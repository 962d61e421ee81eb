namespace Cro.Monitoring.Features.Recruitment;

/// <summary>
/// The row of one application in monitoring's record of recruitment. Whichever of its events comes first
/// creates it (and its round's); each event then fills in its own columns, so the order they arrive in does not matter.
/// </summary>
internal static class RecruitmentRecord
{
    public sealed record Application(Guid ApplicationId, Guid RoundId, string RoundName, string JstTerc, string VoivodeshipTerc);

    /// <summary>Creates the application's row if this is its first event, then runs the event's own <paramref name="sql"/>.</summary>
    public static async Task RecordAsync(DataSession session, Application application, string sql, object parameters)
    {
        await session.ExecuteAsync("""
            INSERT INTO recruitment_rounds (id, name) VALUES (@RoundId, @RoundName)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name;
            INSERT INTO recruitment_applications (id, round_id, jst_terc, voivodeship_terc)
            VALUES (@ApplicationId, @RoundId, @JstTerc, @VoivodeshipTerc)
            ON CONFLICT (id) DO NOTHING;
            """, application);
        await session.ExecuteAsync(sql, parameters);
    }
}
