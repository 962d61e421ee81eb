namespace Cro.Contracts;

/// <summary>
/// A JST's team submitted its implementation report for one reporting period of its strategic plan (again, after the
/// reviewer returned it, in a later <see cref="Round"/>): per action of the plan's version in force at the period's end
/// its status, progress and money spent, and the goals' actual values. The JST's advisor reviews it during the project,
/// ORE after it.
/// </summary>
public sealed record ReportSubmitted : IIntegrationEvent
{
    public required Guid ReportId { get; init; }
    public required Guid PlanId { get; init; }
    public required string JstTerc { get; init; }
    /// <summary>The reporting period's number, from 1 (the first after the plan's adoption).</summary>
    public required int Period { get; init; }
    /// <summary>project (the 12 months of the project) or post-project (the 2 years after it).</summary>
    public required string Phase { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    /// <summary>The Warsaw day the report was due by (to its end).</summary>
    public required DateOnly DueOn { get; init; }
    /// <summary>The plan's version reported on: the one in force at the period's end.</summary>
    public required int PlanVersion { get; init; }
    /// <summary>1 for the first submission, one more for each resubmission after a return.</summary>
    public required int Round { get; init; }
    /// <summary>Submitted after its due moment.</summary>
    public required bool Late { get; init; }
    public required int Actions { get; init; }
    public required int ActionsDone { get; init; }
    public required int ActionsDelayed { get; init; }
    public required int ActionsAbandoned { get; init; }
    /// <summary>The money spent on the plan's actions in the period, PLN.</summary>
    public required decimal Spent { get; init; }
    public Guid? SubmittedBy { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
