using Cro.Monitoring.Features.Reports;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The reporting periods a plan gets from its adoption day: 4 quarters of the project, then 4 half-years, contiguous,
/// counted from the adoption day so the 31st and the 30th do not drift; each due 30 days after its end, to the end of
/// that day in Warsaw — 22:00 UTC in summer time, 23:00 in winter time, also when the due day or the adoption day is a
/// day the clocks change.
/// </summary>
public sealed class ReportingScheduleTests
{
    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<ReportingPeriod> Periods(string adoptedOn) => ReportingSchedule.Periods(D(adoptedOn), ReportingSchedule.Default);

    [Fact]
    public void A_plan_adopted_on_31_January_reports_by_quarters_then_half_years_without_gaps_or_drift()
    {
        var periods = Periods("2026-01-31");

        Assert.Equal(
        [
            (1, "project", D("2026-01-31"), D("2026-04-29"), D("2026-05-29")),
            (2, "project", D("2026-04-30"), D("2026-07-30"), D("2026-08-29")),
            (3, "project", D("2026-07-31"), D("2026-10-30"), D("2026-11-29")),
            (4, "project", D("2026-10-31"), D("2027-01-30"), D("2027-03-01")),
            (5, "post-project", D("2027-01-31"), D("2027-07-30"), D("2027-08-29")),
            (6, "post-project", D("2027-07-31"), D("2028-01-30"), D("2028-02-29")),
            (7, "post-project", D("2028-01-31"), D("2028-07-30"), D("2028-08-29")),
            (8, "post-project", D("2028-07-31"), D("2029-01-30"), D("2029-03-01")),
        ], periods.Select(p => (p.Number, p.Phase, p.StartsOn, p.EndsOn, p.DueOn)));
        // Each period starts the day after the one before ends; together they are the 12 months and the 2 years after.
        Assert.All(periods.Skip(1).Zip(periods), pair => Assert.Equal(pair.Second.EndsOn.AddDays(1), pair.First.StartsOn));
        Assert.Equal(D("2026-01-31").AddYears(3).AddDays(-1), periods[^1].EndsOn);
        Assert.Equal(D("2027-01-30"), periods.Last(p => p.Phase == ReportPhase.Project).EndsOn);
    }

    [Fact]
    public void A_plan_adopted_on_30_November_keeps_the_30th_after_February()
    {
        var periods = Periods("2026-11-30");

        Assert.Equal([D("2026-11-30"), D("2027-02-28"), D("2027-05-30"), D("2027-08-30"), D("2027-11-30")], periods.Take(5).Select(p => p.StartsOn));
        Assert.Equal([D("2027-02-27"), D("2027-05-29"), D("2027-08-29"), D("2027-11-29")], periods.Take(4).Select(p => p.EndsOn));
    }

    [Fact]
    public void A_report_is_due_to_the_end_of_its_Warsaw_day_in_summer_and_in_winter_time()
    {
        var periods = Periods("2026-01-31");

        Assert.Equal(Utc("2026-05-29T22:00:00Z"), periods[0].DueAt); // summer time (UTC+2)
        Assert.Equal(Utc("2027-03-01T23:00:00Z"), periods[3].DueAt); // winter time (UTC+1)
        Assert.Equal(Utc("2028-02-29T23:00:00Z"), periods[5].DueAt); // a leap day
    }

    [Fact]
    public void A_due_day_on_which_the_clocks_change_ends_at_that_days_own_midnight()
    {
        // Adopted 28 November 2025: the first report is due 29 March 2026, the 23-hour day of the spring change.
        var spring = Periods("2025-11-28")[0];
        // Adopted 26 June 2026: the first report is due 25 October 2026, the 25-hour day of the autumn change.
        var autumn = Periods("2026-06-26")[0];

        Assert.Equal((D("2026-02-27"), D("2026-03-29"), Utc("2026-03-29T22:00:00Z")), (spring.EndsOn, spring.DueOn, spring.DueAt));
        Assert.Equal((D("2026-09-25"), D("2026-10-25"), Utc("2026-10-25T23:00:00Z")), (autumn.EndsOn, autumn.DueOn, autumn.DueAt));
        // The days around them end at their own offsets.
        Assert.Equal(Utc("2026-03-28T23:00:00Z"), ReportingSchedule.DueMoment(D("2026-03-28")));
        Assert.Equal(Utc("2026-10-24T22:00:00Z"), ReportingSchedule.DueMoment(D("2026-10-24")));
        Assert.Equal(TimeSpan.FromHours(23), ReportingSchedule.DueMoment(D("2026-03-29")) - ReportingSchedule.DueMoment(D("2026-03-28")));
        Assert.Equal(TimeSpan.FromHours(25), ReportingSchedule.DueMoment(D("2026-10-25")) - ReportingSchedule.DueMoment(D("2026-10-24")));
        // The Warsaw day of an instant, a second either side of the end of the spring day.
        Assert.Equal(D("2026-03-29"), ReportingSchedule.WarsawDay(Utc("2026-03-29T21:59:59Z")));
        Assert.Equal(D("2026-03-30"), ReportingSchedule.WarsawDay(Utc("2026-03-29T22:00:00Z")));
    }

    [Fact]
    public void A_plan_adopted_on_a_day_the_clocks_change_gets_whole_dates_and_due_moments_of_each_seasons_offset()
    {
        var spring = Periods("2026-03-29");
        var autumn = Periods("2026-10-25");

        Assert.Equal((D("2026-03-29"), D("2026-06-28"), D("2026-07-28"), Utc("2026-07-28T22:00:00Z")),
            (spring[0].StartsOn, spring[0].EndsOn, spring[0].DueOn, spring[0].DueAt));
        Assert.Equal((D("2026-09-29"), D("2026-12-28"), D("2027-01-27"), Utc("2027-01-27T23:00:00Z")),
            (spring[2].StartsOn, spring[2].EndsOn, spring[2].DueOn, spring[2].DueAt));
        Assert.Equal((D("2026-10-25"), D("2027-01-24"), D("2027-02-23"), Utc("2027-02-23T23:00:00Z")),
            (autumn[0].StartsOn, autumn[0].EndsOn, autumn[0].DueOn, autumn[0].DueAt));
        Assert.Equal((D("2027-01-25"), D("2027-04-24"), D("2027-05-24"), Utc("2027-05-24T22:00:00Z")),
            (autumn[1].StartsOn, autumn[1].EndsOn, autumn[1].DueOn, autumn[1].DueAt));
    }

    [Fact]
    public void Another_cadence_is_data_monthly_periods_due_the_day_they_end()
    {
        var periods = ReportingSchedule.Periods(D("2026-01-31"), [new ScheduleRule(ReportPhase.Project, Months: 1, Periods: 3, DueDays: 0)]);

        Assert.Equal([(D("2026-01-31"), D("2026-02-27")), (D("2026-02-28"), D("2026-03-30")), (D("2026-03-31"), D("2026-04-29"))],
            periods.Select(p => (p.StartsOn, p.EndsOn)));
        Assert.Equal(periods.Select(p => p.EndsOn), periods.Select(p => p.DueOn));
        Assert.Equal(Utc("2026-03-30T22:00:00Z"), periods[1].DueAt);
    }
}
