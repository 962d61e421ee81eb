namespace Cro.Advisory.Features.Meetings;

/// <summary>An advisory meeting as its team, its advisor and ORE see it.</summary>
public sealed record MeetingView(Guid Id, Guid EngagementId, string JstTerc, string JstName, Guid AdvisorId, string AdvisorName, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Topic, string Stage, string Mode, string? Location, string Status, string BookedByName, DateTimeOffset BookedAt,
    int Sequence, DateTimeOffset? CancelledAt, string? CancelReason, int? HeldMinutes, string? Notes, string? NextSteps,
    IReadOnlyList<MeetingParticipant> Participants);

/// <summary>Someone present at a held meeting: a team member (by id) or anyone else (a school director, a councillor) by name and role.</summary>
public sealed record MeetingParticipant(Guid? MemberId, string FullName, string? Role);

internal sealed record MeetingRow(Guid Id, Guid EngagementId, string JstTerc, string JstName, Guid RoundId, Guid AdvisorId, string AdvisorName,
    string AdvisorEmail, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic, string Stage, string Mode, string? Location, string Status,
    string BookedByName, DateTimeOffset BookedAt, int Sequence, DateTimeOffset? CancelledAt, string? CancelReason, int? HeldMinutes, string? Notes,
    string? NextSteps)
{
    public const string Select = """
        SELECT m.id, m.engagement_id, m.jst_terc, t.jst_name, e.round_id, m.advisor_id, a.full_name AS advisor_name, a.email AS advisor_email,
               m.starts_at, m.ends_at, m.topic, m.stage, m.mode, m.location, m.status, m.booked_by_name, m.booked_at, m.sequence, m.cancelled_at,
               m.cancel_reason, m.held_minutes, m.notes, m.next_steps
        FROM meetings m JOIN engagements e ON e.id = m.engagement_id JOIN teams t ON t.application_id = e.application_id
        JOIN advisors a ON a.id = m.advisor_id
        """;

    public TimeSpan Length => EndsAt - StartsAt;

    /// <summary>The meeting's UID in every calendar document about it (advisory's feeds, the notices mailed by notifications).</summary>
    public string CalendarUid => $"{Id}@cro-advisory";

    public MeetingView ToView(IReadOnlyList<MeetingParticipant> participants) => new(Id, EngagementId, JstTerc, JstName, AdvisorId, AdvisorName, StartsAt,
        EndsAt, Topic, Stage, Mode, Location, Status, BookedByName, BookedAt, Sequence, CancelledAt, CancelReason, HeldMinutes, Notes, NextSteps,
        participants);
}

/// <summary>The states of a meeting, as the API and the database name them.</summary>
public static class MeetingStatus
{
    /// <summary>Over the engagement's budget: holds its time until an operator approves it (then booked) or cancels it.</summary>
    public const string AwaitingApproval = "awaiting-approval";
    public const string Booked = "booked";
    public const string Held = "held";
    public const string Cancelled = "cancelled";
}

/// <summary>Which stage of the JST's work a meeting serves.</summary>
public static class MeetingStage
{
    public static readonly IReadOnlyList<string> All = ["diagnosis", "plan", "implementation", "other"];
}
