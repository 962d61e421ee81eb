namespace Cro.Contracts;

/// <summary>
/// A training session of a cohort was scheduled, or an already scheduled one was moved (another time,
/// place, form or online link: <see cref="Moved"/>), so notifications can mail "new session" or "session
/// moved" to the people it carries. Times are UTC instants; people see them in Europe/Warsaw.
/// </summary>
public sealed record SessionScheduled : IIntegrationEvent
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
    public Uri? OnlineUrl { get; init; }
    public required decimal Hours { get; init; }
    /// <summary>False for a new session; true when this session was scheduled before and has changed.</summary>
    public required bool Moved { get; init; }
    /// <summary>When a moved session was to start before the change.</summary>
    public DateTimeOffset? PreviousStartsAt { get; init; }
    /// <summary>How many times the session changed (the iCalendar SEQUENCE): a later notice replaces an earlier one.</summary>
    public required int Sequence { get; init; }
    public required IReadOnlyList<SessionAttendee> Attendees { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
}
