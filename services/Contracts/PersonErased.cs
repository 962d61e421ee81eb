namespace Cro.Contracts;

/// <summary>
/// A person's personal data was erased (RODO/GDPR art. 17). Every service that stores personal data
/// pseudonymises that person's rows; counts for indicators stay as they were.
/// </summary>
public sealed record PersonErased : IIntegrationEvent
{
    public required Guid UserId { get; init; }
    public required DateTimeOffset ErasedAt { get; init; }
    /// <summary>
    /// The address the person had: services that knew them before they had an account (an application's
    /// team, a draft's mail) find their rows by it. Used only to find and erase those rows.
    /// </summary>
    public string? Email { get; init; }
}
