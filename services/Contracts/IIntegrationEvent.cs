namespace Cro.Contracts;

/// <summary>
/// Marks an integration event. Events are immutable, named in the past tense, and matched by
/// MassTransit on their full type name: never rename or move one; add a new type for a breaking change.
/// </summary>
public interface IIntegrationEvent;
