namespace Cro.Contracts;

/// <summary>
/// A conference participant holds a confirmed place: they confirmed their address, or accepted a place offered from the
/// waitlist (<see cref="FromWaitlist"/>). Notifications mails them the conference as a calendar event (UID
/// <see cref="CalendarUid"/>, <see cref="Sequence"/>) and their link, where their ticket with its QR code is.
/// </summary>
public sealed record ConferenceRegistrationConfirmed : IIntegrationEvent
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
    public required bool FromWaitlist { get; init; }
    public required string CalendarUid { get; init; }
    public required int Sequence { get; init; }
    public required Uri PageUrl { get; init; }
    public required DateTimeOffset ConfirmedAt { get; init; }
}
