using Cro.Contracts;
using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>Moves an application to a decided status (<see cref="ApplicationStatus"/>), records the decision and frees or keeps its team's places.</summary>
internal static class DecisionLog
{
    public static Task RecordAsync(DataSession session, ApplicationRow application, string decision, string? reason, Guid? decidedBy,
        DateTimeOffset now)
    {
        // A rejected or withdrawn application no longer holds its people's e-mail addresses in the round.
        var live = decision is ApplicationStatus.Accepted or ApplicationStatus.Reserve;
        return session.ExecuteAsync("""
            UPDATE applications SET status = @decision, updated_at = @now WHERE id = @Id;
            UPDATE team_members SET live = @live WHERE application_id = @Id AND left_at IS NULL;
            INSERT INTO decisions (id, application_id, jst_terc, decision, reason, score, scoring_version, decided_by, decided_at)
            VALUES (@decisionId, @Id, @JstTerc, @decision, @reason, @Score, @ScoringVersion, @decidedBy, @now);
            """, new
        {
            application.Id, application.JstTerc, application.Score, application.ScoringVersion,
            decision, reason, decidedBy, now, live, decisionId = Guid.CreateVersion7(),
        });
    }

    public static IReadOnlyList<TaskTeamMember> Team(ApplicationRow application) =>
        [.. application.Team.Select(m => new TaskTeamMember
        {
            MemberId = m.Id, FullName = m.FullName, Email = m.Email, Position = m.Position, Sex = m.Sex, IsCoordinator = m.IsCoordinator,
        })];

    public static ApplicationAccepted Accepted(ApplicationRow application, DateTimeOffset now, bool promoted) => new()
    {
        ApplicationId = application.Id,
        RoundId = application.RoundId,
        RoundName = application.RoundName,
        JstTerc = application.JstTerc,
        JstName = application.JstName,
        JstKind = application.JstKind,
        VoivodeshipTerc = application.VoivodeshipTerc,
        Score = application.Score ?? 0,
        ScoringVersion = application.ScoringVersion ?? 0,
        PromotedFromReserve = promoted,
        AcceptedAt = now,
        Team = Team(application),
    };
}
