namespace Cro.Monitoring.Features.Advisory;

/// <summary>
/// GET /api/monitoring/advisory/hours?roundId= — for ORE: the hours of advice held per JST (with its budget, its current
/// advisor, and its meetings still booked or cancelled) and per advisor (the JST they advise now and the meetings and hours
/// they held), overall or in one round. Advisors are advisory's ids; their names are advisory's to show.
/// </summary>
public static class GetAdvisoryHours
{
    public sealed record AdvisoryHoursResponse(Guid? RoundId, IReadOnlyList<JstHours> Jst, IReadOnlyList<AdvisorHours> Advisors);

    /// <param name="AdvisorId">The advisor of the JST's latest assignment; null while no assignment has arrived.</param>
    /// <param name="HoursBudget">The hours the JST may use; null while no assignment has arrived.</param>
    /// <param name="Advised">The JST has an engagement that has not ended.</param>
    /// <param name="MeetingsBooked">Booked and neither held nor cancelled yet.</param>
    public sealed record JstHours(Guid RoundId, string JstTerc, string? JstName, Guid? AdvisorId, decimal? HoursBudget, bool Advised,
        int MeetingsHeld, decimal HoursHeld, int MeetingsBooked, int MeetingsCancelled);

    /// <param name="JstAdvised">JST whose engagement with the advisor has not ended.</param>
    /// <param name="JstMet">JST the advisor held at least one meeting with.</param>
    public sealed record AdvisorHours(Guid AdvisorId, int JstAdvised, int JstMet, int MeetingsHeld, decimal HoursHeld);

    private const string InRound = "(@roundId::uuid IS NULL OR round_id = @roundId)";

    private const string Sql = $"""
        WITH e AS (
            SELECT round_id, jst_terc, max(jst_name) AS jst_name, sum(hours_budget) AS hours_budget,
                   (array_agg(advisor_id ORDER BY assigned_at DESC NULLS LAST))[1] AS advisor_id,
                   bool_or(assigned_at IS NOT NULL AND ended_at IS NULL) AS advised
            FROM advisory_engagements WHERE {InRound}
            GROUP BY round_id, jst_terc),
        m AS (
            SELECT round_id, jst_terc,
                   count(*) FILTER (WHERE held_minutes IS NOT NULL)::int AS meetings_held,
                   coalesce(round(sum(held_minutes) / 60.0, 2), 0) AS hours_held,
                   count(*) FILTER (WHERE held_minutes IS NULL AND cancelled_at IS NULL AND booked_at IS NOT NULL)::int AS meetings_booked,
                   count(*) FILTER (WHERE held_minutes IS NULL AND cancelled_at IS NOT NULL)::int AS meetings_cancelled
            FROM advisory_meetings WHERE round_id IS NOT NULL AND {InRound}
            GROUP BY round_id, jst_terc)
        SELECT round_id, jst_terc, coalesce(e.jst_name, j.name) AS jst_name, e.advisor_id, e.hours_budget, coalesce(e.advised, false) AS advised,
               coalesce(m.meetings_held, 0) AS meetings_held, coalesce(m.hours_held, 0) AS hours_held,
               coalesce(m.meetings_booked, 0) AS meetings_booked, coalesce(m.meetings_cancelled, 0) AS meetings_cancelled
        FROM e FULL JOIN m USING (round_id, jst_terc)
        LEFT JOIN jst j ON j.terc = jst_terc
        ORDER BY round_id, jst_terc;

        WITH held AS (
            SELECT advisor_id, count(DISTINCT jst_terc)::int AS jst_met, count(*)::int AS meetings_held,
                   round(sum(held_minutes) / 60.0, 2) AS hours_held
            FROM advisory_meetings WHERE held_minutes IS NOT NULL AND {InRound}
            GROUP BY advisor_id),
        advising AS (
            SELECT advisor_id, count(DISTINCT jst_terc)::int AS jst_advised
            FROM advisory_engagements WHERE assigned_at IS NOT NULL AND ended_at IS NULL AND {InRound}
            GROUP BY advisor_id)
        SELECT advisor_id, coalesce(a.jst_advised, 0) AS jst_advised, coalesce(h.jst_met, 0) AS jst_met,
               coalesce(h.meetings_held, 0) AS meetings_held, coalesce(h.hours_held, 0) AS hours_held
        FROM held h FULL JOIN advising a USING (advisor_id)
        ORDER BY hours_held DESC, advisor_id;
        """;

    public static RouteHandlerBuilder MapGetAdvisoryHours(this IEndpointRouteBuilder api) => api
        .MapGet("/advisory/hours", HandleAsync)
        .WithName("GetAdvisoryHours")
        .WithSummary("Godziny doradztwa według JST i doradców / Advisory hours per JST and per advisor")
        .Produces<AdvisoryHoursResponse>()
        .RequireAuthorization(Policies.Operator);

    // Operators only (the policy), whose session sees every JST.
    private static async Task<IResult> HandleAsync(Guid? roundId, [RepeatableRead] DataSession session)
    {
        using var results = await session.QueryMultipleAsync(Sql, new { roundId });
        var jst = await results.ReadAsync<JstHours>();
        var advisors = await results.ReadAsync<AdvisorHours>();
        return TypedResults.Ok(new AdvisoryHoursResponse(roundId, [.. jst], [.. advisors]));
    }
}
