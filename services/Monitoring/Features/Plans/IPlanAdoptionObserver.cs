namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// Told, in the adoption's own session, that a plan's first version was adopted: implementation starts, and what follows it
/// (the reporting periods) must exist from that moment. Declared here and implemented by the area above, so plans never
/// depend on reports.
/// </summary>
public interface IPlanAdoptionObserver
{
    Task FirstAdoptedAsync(DataSession session, Guid planId, string terc, DateOnly adoptedOn, DateTimeOffset now);
}
