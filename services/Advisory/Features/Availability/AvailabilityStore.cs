namespace Cro.Advisory.Features.Availability;

/// <summary>Reads an advisor's week, exceptions and blocked time.</summary>
internal static class AvailabilityStore
{
    private sealed record Settings(int BufferBeforeMin, int BufferAfterMin, int MinNoticeHours, int HorizonDays, int MeetingMinutes, string? OnlineLink,
        string? Address);

    public static async Task<WeeklyAvailability> WeekAsync(DataSession session, Guid advisorId)
    {
        var settings = await session.QuerySingleAsync<Settings>("""
            SELECT buffer_before_min, buffer_after_min, min_notice_hours, horizon_days, meeting_minutes, online_link, address
            FROM advisors WHERE id = @advisorId
            """, new { advisorId });
        var rules = await session.QueryAsync<AvailabilityRule>(
            "SELECT weekday, starts_at, ends_at, mode FROM availability_rules WHERE advisor_id = @advisorId ORDER BY weekday, starts_at",
            new { advisorId });
        return new WeeklyAvailability(rules.ToList(), settings.BufferBeforeMin, settings.BufferAfterMin, settings.MinNoticeHours, settings.HorizonDays,
            settings.MeetingMinutes, settings.OnlineLink, settings.Address);
    }

    public static async Task<IReadOnlyList<AvailabilityException>> ExceptionsAsync(DataSession session, Guid advisorId, DateTimeOffset from,
        DateTimeOffset to) =>
        (await session.QueryAsync<AvailabilityException>("""
            SELECT id, lower(period) AS "from", upper(period) AS "to", reason FROM availability_exceptions
            WHERE advisor_id = @advisorId AND period && tstzrange(@from, @to) ORDER BY lower(period)
            """, new { advisorId, from = from.ToUniversalTime(), to = to.ToUniversalTime() })).ToList();

    /// <summary>
    /// Time the advisor's meetings block (each with its buffers), whichever JST they belong to: read past row-level
    /// security by <c>advisor_busy</c>, which returns the times only. <paramref name="except"/> leaves out one meeting
    /// (the one being moved).
    /// </summary>
    public static async Task<IReadOnlyList<BlockedTime>> BusyAsync(DataSession session, Guid advisorId, DateTimeOffset from, DateTimeOffset to,
        Guid? except = null) =>
        (await session.QueryAsync<BlockedTime>("""
            SELECT lower(b.blocked) AS "from", upper(b.blocked) AS "to" FROM advisor_busy(@advisorId, @from, @to, @except::uuid) b
            """, new { advisorId, from = from.ToUniversalTime(), to = to.ToUniversalTime(), except })).ToList();
}
