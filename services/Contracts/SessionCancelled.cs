namespace Cro.Contracts;

/// <summary>
/// An operator cancelled a scheduled training session of a cohort, so notifications can mail the people it
/// carries once (participants and trainers) and calendars show the event as cancelled. The session counts
/// for no attendance and no hours from now on. Times are UTC instants; people see them in Europe/Warsaw.
/// </summary>
public sealed record SessionCancelled : IIntegrationEvent
{
    public required Guid SessionId { get; init; }
    public required Guid CohortId { get; init; }
    public required string CohortName { get; init; }
    public required string ModuleCode { get; init; }
    public required string ModuleTitle { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>stationary, online or blended.</summary>
    public required string Form { get; init; }
    public string? Place { get; init; }
    /// <summary>Why, as the operator wrote it for the people concerned.</summary>
    public required string Reason { get; init; }
    /// <summary>The session's iCalendar UID, as training's calendar feeds name it: a cancellation sent by mail matches it.</summary>
    public required string CalendarUid { get; init; }
    /// <summary>The iCalendar SEQUENCE of the cancellation: higher than any notice of the session before it.</summary>
    public required int Sequence { get; init; }
    public required IReadOnlyList<SessionAttendee> Attendees { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
}
