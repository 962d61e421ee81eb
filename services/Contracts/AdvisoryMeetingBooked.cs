namespace Cro.Contracts;

/// <summary>
/// An advisory meeting was booked, or a booked one was moved (<see cref="Rescheduled"/>), so notifications can mail the
/// confirmation (with its .ics) and plan the reminders. Times are UTC instants; people see them in Europe/Warsaw.
/// </summary>
public sealed record AdvisoryMeetingBooked : IIntegrationEvent
{
    public required Guid MeetingId { get; init; }
    public required Guid EngagementId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required Guid AdvisorId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required string Topic { get; init; }
    /// <summary>diagnosis, plan, implementation or other.</summary>
    public required string Stage { get; init; }
    /// <summary>online or onsite.</summary>
    public required string Mode { get; init; }
    /// <summary>The link (online) or the address (on site).</summary>
    public string? Location { get; init; }
    /// <summary>The meeting's iCalendar UID, as advisory's calendar feeds name it: the invitations mailed carry the same one.</summary>
    public required string CalendarUid { get; init; }
    public required bool Rescheduled { get; init; }
    public DateTimeOffset? PreviousStartsAt { get; init; }
    /// <summary>The iCalendar SEQUENCE: a later notice replaces an earlier one.</summary>
    public required int Sequence { get; init; }
    public required IReadOnlyList<MeetingAttendee> Attendees { get; init; }
    public required DateTimeOffset BookedAt { get; init; }
}
