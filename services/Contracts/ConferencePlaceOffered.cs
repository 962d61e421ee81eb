namespace Cro.Contracts;

/// <summary>
/// A place freed at a full conference is held for the next person on its waitlist until <see cref="HoldUntil"/>:
/// notifications mails them their link (<see cref="PageUrl"/> and the token derived from <see cref="RegistrationId"/>),
/// where they accept or decline it. Not answered in time, it passes to the next person.
/// </summary>
public sealed record ConferencePlaceOffered : IIntegrationEvent
{
    public required Guid RegistrationId { get; init; }
    public required Guid ConferenceId { get; init; }
    public required string ConferenceTitle { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public string? Place { get; init; }
    public Uri? OnlineUrl { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset HoldUntil { get; init; }
    public required Uri PageUrl { get; init; }
    public required DateTimeOffset OfferedAt { get; init; }
}
