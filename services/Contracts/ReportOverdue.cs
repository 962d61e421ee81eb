namespace Cro.Contracts;

/// <summary>
/// A JST's implementation report was not submitted by its due moment (the end of its due day in Warsaw): announced once
/// per report, when monitoring finds it overdue. (The coordinator's reminders are <see cref="ReportReminderMailRequested"/>.)
/// </summary>
public sealed record ReportOverdue : IIntegrationEvent
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
    /// <summary>The due moment: the end of <see cref="DueOn"/> in Warsaw.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>When monitoring found it overdue (at most its check's interval after <see cref="DueAt"/>).</summary>
    public required DateTimeOffset OverdueAt { get; init; }
}
