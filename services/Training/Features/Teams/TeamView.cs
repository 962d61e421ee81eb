namespace Cro.Training.Features.Teams;

/// <summary>A JST team in the training, with the people the caller may see.</summary>
public sealed record TeamView(Guid ApplicationId, Guid RoundId, string? RoundName, string JstTerc, string JstName, DateTimeOffset? AcceptedAt,
    DateTimeOffset? WithdrawnAt, Guid? CohortId, string? CohortName, IReadOnlyList<ParticipantView> Participants);

internal sealed record TeamRow(Guid ApplicationId, Guid RoundId, string? RoundName, string JstTerc, string JstName, DateTimeOffset? AcceptedAt,
    DateTimeOffset? WithdrawnAt, Guid? CohortId, string? CohortName)
{
    public const string Select = """
        SELECT t.application_id, t.round_id, t.round_name, t.jst_terc, t.jst_name, t.accepted_at, t.withdrawn_at, t.cohort_id, c.name AS cohort_name
        FROM teams t LEFT JOIN cohorts c ON c.id = t.cohort_id
        """;

    public TeamView ToView(IEnumerable<ParticipantRow> participants) => new(ApplicationId, RoundId, RoundName, JstTerc, JstName, AcceptedAt,
        WithdrawnAt, CohortId, CohortName, [.. participants.Where(p => p.ApplicationId == ApplicationId).Select(p => p.ToView())]);

    /// <summary>The team with all its people (those who left too) that the session's scope sees.</summary>
    public static async Task<TeamView> ViewAsync(DataSession session, TeamRow team)
    {
        var people = await session.QueryAsync<ParticipantRow>($"""
            SELECT {ParticipantRow.Columns} FROM participants p WHERE p.application_id = @ApplicationId ORDER BY {ParticipantRow.TeamOrder}
            """, new { team.ApplicationId });
        return team.ToView(people);
    }
}
