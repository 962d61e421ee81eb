namespace Cro.Contracts;

/// <summary>Someone registered, without an account, for a JST's public education debate: notifications confirms it to them.</summary>
public sealed record DebateRegistrationReceived : IIntegrationEvent
{
    public required Guid RegistrationId { get; init; }
    public required Guid DialogueMeetingId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Topic { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required string Place { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
