namespace Cro.Contracts;

/// <summary>
/// Monitoring asks for the coordinator of a JST's task team to be mailed about an implementation report that is overdue:
/// once when it becomes overdue (<see cref="Reminder"/> 1), then weekly while it stays unsubmitted. The event names the
/// JST, not the person: monitoring keeps no addresses, and notifications mails the JST's coordinator as recruitment's
/// events named them.
/// </summary>
public sealed record ReportReminderMailRequested : IIntegrationEvent
{
    public required Guid ReportId { get; init; }
    public required Guid PlanId { get; init; }
    public required string JstTerc { get; init; }
    public string? JstName { get; init; }
    /// <summary>The reporting period's number, from 1.</summary>
    public required int Period { get; init; }
    /// <summary>project or post-project.</summary>
    public required string Phase { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>Whole Warsaw days since <see cref="DueOn"/>.</summary>
    public required int DaysOverdue { get; init; }
    /// <summary>1 for the mail at the due moment, 2, 3 … for the weekly ones after it.</summary>
    public required int Reminder { get; init; }
    /// <summary>The platform's address, where the team signs in to write the report.</summary>
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
