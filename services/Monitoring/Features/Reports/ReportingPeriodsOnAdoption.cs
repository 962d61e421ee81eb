using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>The first adoption of a plan makes its reporting periods, in the adoption's transaction (<see cref="ReportingSchedule"/>).</summary>
public sealed class ReportingPeriodsOnAdoption : IPlanAdoptionObserver
{
    public Task FirstAdoptedAsync(DataSession session, Guid planId, string terc, DateOnly adoptedOn, DateTimeOffset now) =>
        ReportingSchedule.GenerateAsync(session, planId, terc, adoptedOn, now);
}
