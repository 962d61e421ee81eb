namespace Cro.Contracts;

/// <summary>
/// A person's personal data was erased (RODO/GDPR art. 17). Every service that stores personal data
/// pseudonymises that person's rows; counts for indicators stay as they were.
/// </summary>
public sealed record PersonErased : IIntegrationEvent
{
    public required Guid UserId { get; init; }
    public required DateTimeOffset ErasedAt { get; init; }
}
