namespace Cro.Contracts;

/// <summary>
/// An advisor recorded an advisory meeting as held: it debits the engagement's budget, and the JST counts as covered
/// by advisory (the seed's indicator). No personal data: counts only.
/// </summary>
public sealed record AdvisoryMeetingHeld : IIntegrationEvent
{
    public required Guid MeetingId { get; init; }
    public required Guid EngagementId { get; init; }
    public required Guid RoundId { get; init; }
    public required string JstTerc { get; init; }
    public required Guid AdvisorId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int HeldMinutes { get; init; }
    public required string Stage { get; init; }
    public required int Participants { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
