namespace Cro.Contracts;

/// <summary>
/// A conference participant was checked in at the door on <see cref="Day"/> (the first time that day). Monitoring counts
/// the people conferences reached by sex and the JST they came from by kind. Nothing names the person:
/// <see cref="ParticipantKey"/> is the same for one e-mail address at every conference (a keyed hash), so a person is
/// counted once however many conferences and days; sex and institution are as registered, and stay so after erasure.
/// </summary>
public sealed record ConferenceAttended : IIntegrationEvent
{
    public required Guid ConferenceId { get; init; }
    public required string ConferenceTitle { get; init; }
    public required DateTimeOffset ConferenceStartsAt { get; init; }
    public required Guid RegistrationId { get; init; }
    public required string ParticipantKey { get; init; }
    public required DateOnly Day { get; init; }
    /// <summary>woman, man, non-binary or undisclosed.</summary>
    public required string Sex { get; init; }
    /// <summary>jst (a JST of the registry) or other (another institution).</summary>
    public required string InstitutionKind { get; init; }
    public string? JstTerc { get; init; }
    public string? JstKind { get; init; }
    public required DateTimeOffset AttendedAt { get; init; }
}
