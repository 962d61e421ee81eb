namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// A JST's advisory as its team, its advisor and ORE see it: who advises, the term, and the burn-down of the hours.
/// Status: upcoming (before the start), active, or ended. Warnings name what needs attention.
/// </summary>
public sealed record EngagementView(Guid Id, Guid ApplicationId, Guid RoundId, string JstTerc, string JstName, Guid AdvisorId, string AdvisorName,
    string AdvisorEmail, DateOnly StartsOn, DateOnly EndsOn, string Status, DateTimeOffset? EndedAt, string? EndReason, BurnDown BurnDown,
    IReadOnlyList<EngagementWarning> Warnings);

/// <summary>
/// Hours of an engagement: the budget, held (recorded meetings), booked ahead (booked or awaiting approval, not yet
/// held), what is left after both, and the weeks left of the term.
/// </summary>
public sealed record BurnDown(decimal Budget, decimal Held, decimal Booked, decimal Left, int WeeksLeft, DateTimeOffset? LastHeldAt);

/// <summary>Something about an engagement ORE and the advisor should act on: its code and the sentence for people.</summary>
public sealed record EngagementWarning(string Code, string Message);

/// <summary>An engagement's row with its hours, as <see cref="Select"/> reads it.</summary>
internal sealed record EngagementRow(Guid Id, Guid ApplicationId, Guid RoundId, string JstTerc, string JstName, Guid AdvisorId, string AdvisorName,
    string AdvisorEmail, Guid? AdvisorUserId, DateOnly StartsOn, DateOnly EndsOn, decimal HoursBudget, DateTimeOffset? EndedAt, string? EndReason,
    decimal HoursHeld, decimal HoursBooked, DateTimeOffset? LastHeldAt, DateTimeOffset CreatedAt)
{
    public const string Select = """
        SELECT e.id, e.application_id, e.round_id, e.jst_terc, t.jst_name, e.advisor_id, a.full_name AS advisor_name, a.email AS advisor_email,
               a.user_id AS advisor_user_id, e.starts_on, e.ends_on, e.hours_budget, e.ended_at, e.end_reason,
               coalesce(h.held, 0) AS hours_held, coalesce(h.booked, 0) AS hours_booked, h.last_held_at, e.created_at
        FROM engagements e JOIN teams t ON t.application_id = e.application_id JOIN advisors a ON a.id = e.advisor_id
        LEFT JOIN LATERAL (
            SELECT round(sum(m.held_minutes / 60.0) FILTER (WHERE m.status = 'held'), 1) AS held,
                   round(sum(extract(epoch FROM m.ends_at - m.starts_at) / 3600) FILTER (WHERE m.status IN ('booked', 'awaiting-approval')), 1) AS booked,
                   max(m.starts_at) FILTER (WHERE m.status = 'held') AS last_held_at
            FROM meetings m WHERE m.engagement_id = e.id) h ON true
        """;

    /// <summary>No meeting held for this long in an active engagement is a warning.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromDays(42);

    /// <summary>Less than this share of the budget left is a warning.</summary>
    public const decimal NearlySpentShare = 0.1m;

    public decimal HoursLeft => HoursBudget - HoursHeld - HoursBooked;

    public EngagementView ToView(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime);
        var status = EndedAt is not null || EndsOn <= today ? EngagementStatus.Ended : StartsOn > today ? EngagementStatus.Upcoming : EngagementStatus.Active;
        var weeksLeft = status == EngagementStatus.Ended ? 0 : (EndsOn.DayNumber - Math.Max(today.DayNumber, StartsOn.DayNumber) + 6) / 7;
        var burnDown = new BurnDown(HoursBudget, HoursHeld, HoursBooked, HoursLeft, weeksLeft, LastHeldAt);
        return new EngagementView(Id, ApplicationId, RoundId, JstTerc, JstName, AdvisorId, AdvisorName, AdvisorEmail, StartsOn, EndsOn, status,
            EndedAt, EndReason, burnDown, status == EngagementStatus.Active ? Warnings(now) : []);
    }

    private List<EngagementWarning> Warnings(DateTimeOffset now)
    {
        var warnings = new List<EngagementWarning>();
        var quietSince = LastHeldAt ?? WarsawTime.StartOf(StartsOn);
        if (now - quietSince >= QuietPeriod)
        {
            warnings.Add(new("no-meeting", Text.Pick($"Brak odbytego spotkania od {(now - quietSince).Days / 7} tygodni.",
                $"No meeting held for {(now - quietSince).Days / 7} weeks.")));
        }
        if (HoursLeft <= 0)
        {
            warnings.Add(new("budget-spent", Text.Pick("Budżet godzin wyczerpany.", "The hours budget is spent.")));
        }
        else if (HoursLeft < HoursBudget * NearlySpentShare)
        {
            warnings.Add(new("budget-nearly-spent", Text.Pick($"Zostało {HoursLeft:0.#} h budżetu.", $"{HoursLeft:0.#} h of the budget left.")));
        }
        return warnings;
    }
}

/// <summary>The states of an engagement, as the API names them.</summary>
public static class EngagementStatus
{
    public const string Upcoming = "upcoming";
    public const string Active = "active";
    public const string Ended = "ended";
}
