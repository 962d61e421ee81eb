namespace Cro.Contracts;

/// <summary>
/// A conference registration no longer takes part, for <see cref="Reason"/>: cancelled (by the participant, through their
/// link), expired (the address not confirmed in time), declined (a place offered from the waitlist), lapsed (an offer not
/// answered in time). Notifications tells the person; when they had a confirmed place (<see cref="WasConfirmed"/>), with
/// the cancellation of the calendar event mailed before.
/// </summary>
public sealed record ConferenceRegistrationEnded : IIntegrationEvent
{
    public required Guid RegistrationId { get; init; }
    public required Guid ConferenceId { get; init; }
    public required string ConferenceTitle { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Reason { get; init; }
    public required bool WasConfirmed { get; init; }
    public required string CalendarUid { get; init; }
    public required int Sequence { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
}
