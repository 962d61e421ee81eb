namespace Cro.Advisory.Features.Advisors;

/// <summary>An advisor as the operator sees them: who, where they prefer to work, and their load now.</summary>
public sealed record AdvisorView(Guid Id, Guid? UserId, string Email, string FullName, IReadOnlyList<string> Voivodeships, int MaxEngagements,
    bool Active, int OpenEngagements, decimal HoursBooked, decimal HoursHeld);

/// <summary>
/// The advisors table and each advisor's load: open engagements, hours booked ahead and held (of open engagements).
/// Properties, not a positional record: Dapper reads a text[] column as an Array, which no string[] parameter matches.
/// </summary>
internal sealed class AdvisorRow
{
    public Guid Id { get; init; }
    public Guid? UserId { get; init; }
    public string Email { get; init; } = "";
    public string FullName { get; init; } = "";
    public string[] Voivodeships { get; init; } = [];
    public int MaxEngagements { get; init; }
    public bool Active { get; init; }
    public int OpenEngagements { get; init; }
    public decimal HoursBooked { get; init; }
    public decimal HoursHeld { get; init; }

    public const string Select = """
        SELECT a.id, a.user_id, a.email, a.full_name, a.voivodeships, a.max_engagements, a.active,
               coalesce(load.open_engagements, 0) AS open_engagements, coalesce(load.hours_booked, 0) AS hours_booked,
               coalesce(load.hours_held, 0) AS hours_held
        FROM advisors a
        LEFT JOIN LATERAL (
            SELECT count(DISTINCT e.id)::int AS open_engagements,
                   round(sum(extract(epoch FROM m.ends_at - m.starts_at) / 3600) FILTER (WHERE m.status IN ('booked', 'awaiting-approval')), 1)
                       AS hours_booked,
                   round(sum(m.held_minutes / 60.0) FILTER (WHERE m.status = 'held'), 1) AS hours_held
            FROM engagements e LEFT JOIN meetings m ON m.engagement_id = e.id
            WHERE e.advisor_id = a.id AND e.ended_at IS NULL) load ON true
        """;

    public AdvisorView ToView() => new(Id, UserId, Email, FullName, Voivodeships, MaxEngagements, Active, OpenEngagements, HoursBooked, HoursHeld);
}
