namespace Cro.Contracts;

/// <summary>
/// Someone registered for a conference without an account: notifications mails them their link (the web's page
/// <see cref="PageUrl"/> followed by the token derived from <see cref="RegistrationId"/>, as for other mailed links), which
/// confirms the address by <see cref="ConfirmBy"/> and manages the registration. They hold a place, or wait on the
/// waitlist (<see cref="OnWaitlist"/>, at <see cref="WaitlistPosition"/>).
/// </summary>
public sealed record ConferenceRegistrationReceived : IIntegrationEvent
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
    public required bool OnWaitlist { get; init; }
    /// <summary>How many wait ahead of them, plus one; null when they hold a place.</summary>
    public int? WaitlistPosition { get; init; }
    public required DateTimeOffset ConfirmBy { get; init; }
    public required Uri PageUrl { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
