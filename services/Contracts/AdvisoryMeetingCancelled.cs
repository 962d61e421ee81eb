namespace Cro.Contracts;

/// <summary>A booked advisory meeting was cancelled: notifications mails the notice (iCalendar METHOD:CANCEL) and drops its reminders.</summary>
public sealed record AdvisoryMeetingCancelled : IIntegrationEvent
{
    public required Guid MeetingId { get; init; }
    public required Guid EngagementId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required string Topic { get; init; }
    public string? Reason { get; init; }
    public required string CancelledBy { get; init; }
    /// <summary>The meeting's iCalendar UID (see <see cref="AdvisoryMeetingBooked.CalendarUid"/>): the cancellation mailed removes that event.</summary>
    public required string CalendarUid { get; init; }
    public required int Sequence { get; init; }
    public required IReadOnlyList<MeetingAttendee> Attendees { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
}
