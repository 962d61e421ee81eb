namespace Cro.Notifications.Features.Mail;

/// <summary>A JST's task team as the mail about its application reads it.</summary>
internal static class TaskTeam
{
    /// <summary>
    /// Who the mail about an application goes to: its team has exactly one coordinator. A team without one
    /// is refused rather than mailed to no one.
    /// </summary>
    public static TaskTeamMember Coordinator(this IReadOnlyList<TaskTeamMember> team, Guid applicationId) =>
        team.SingleOrDefault(member => member.IsCoordinator)
        ?? throw new InvalidOperationException($"Application {applicationId} has no coordinator in its team.");
}
