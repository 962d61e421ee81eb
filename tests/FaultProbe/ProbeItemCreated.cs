using Cro.Contracts;

namespace Cro.FaultProbe;

/// <summary>The probe's integration event: an item was written by the publisher.</summary>
public sealed record ProbeItemCreated(Guid ItemId) : IIntegrationEvent;
