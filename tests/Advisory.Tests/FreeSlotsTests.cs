using Cro.Advisory.Features.Availability;
using Cro.ServiceDefaults;

namespace Cro.Advisory.Tests;

/// <summary>The slots of an advisor's week, as pure logic: Warsaw wall-clock time across the changes of clocks, notice, horizon, buffers.</summary>
public sealed class FreeSlotsTests
{
    private static readonly WeeklyAvailability Sundays = new([new AvailabilityRule(7, new TimeOnly(1, 0), new TimeOnly(4, 0), MeetingMode.Online),
        new AvailabilityRule(7, new TimeOnly(9, 0), new TimeOnly(11, 0), MeetingMode.Onsite)], 15, 15, 0, 365, 60, "https://x.example.pl", "Urząd");

    [Fact]
    public void On_the_spring_Sunday_the_skipped_hour_is_not_offered_and_nine_oclock_is_nine_in_summer_time()
    {
        // 29 March 2026: 2:00 becomes 3:00 in Warsaw.
        var slots = FreeSlots.Between(Sundays, [], [], Instant(2026, 3, 1, 0), Instant(2026, 3, 29, 0), Instant(2026, 3, 30, 0));

        // 1:00 would end at 2:00, which does not exist that night; 2:00 does not exist either.
        Assert.Equal(["03:00+02:00", "09:00+02:00", "10:00+02:00"], slots.Select(s => WarsawTime.InWarsaw(s.StartsAt).ToString("HH:mmzzz")));
    }

    [Fact]
    public void On_the_autumn_Sunday_the_repeated_hour_is_not_offered_and_nine_oclock_is_nine_in_winter_time()
    {
        // 25 October 2026: 3:00 becomes 2:00 again in Warsaw; 2:00–3:00 happens twice.
        var slots = FreeSlots.Between(Sundays, [], [], Instant(2026, 10, 1, 0), Instant(2026, 10, 25, 0), Instant(2026, 10, 26, 0));

        // 1:00 would end at 2:00, which happens twice that night; 2:00 starts twice.
        Assert.Equal(["03:00+01:00", "09:00+01:00", "10:00+01:00"], slots.Select(s => WarsawTime.InWarsaw(s.StartsAt).ToString("HH:mmzzz")));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void Notice_horizon_time_away_and_the_buffers_of_booked_meetings_take_slots_away()
    {
        var week = Sundays with { MinNoticeHours = 48, HorizonDays = 14 };
        var now = Instant(2026, 6, 5, 12); // a Friday
        var booked = new BlockedTime(Instant(2026, 6, 14, 8, 45), Instant(2026, 6, 14, 10, 15)); // 9:00–10:00 with buffers
        var away = new AvailabilityException(Guid.NewGuid(), Instant(2026, 6, 21, 0), Instant(2026, 6, 22, 0), "Urlop");

        var slots = FreeSlots.Between(week, [away], [booked], now, now, now.AddDays(30));

        // 7 June is inside the 48 h notice; 14 June keeps only 1:00–4:00 (10:00 touches the buffer); 21 June is away and beyond the horizon.
        Assert.Equal(["2026-06-14 01:00", "2026-06-14 02:00", "2026-06-14 03:00"],
            slots.Select(s => WarsawTime.InWarsaw(s.StartsAt).ToString("yyyy-MM-dd HH:mm")));
    }

    [Fact]
    public void A_meeting_fits_the_week_only_inside_one_stretch_of_its_weekday()
    {
        Assert.NotNull(Sundays.RuleFor(Instant(2026, 6, 7, 9), Instant(2026, 6, 7, 10)));
        Assert.Null(Sundays.RuleFor(Instant(2026, 6, 7, 10, 30), Instant(2026, 6, 7, 11, 30)));
        Assert.Null(Sundays.RuleFor(Instant(2026, 6, 8, 9), Instant(2026, 6, 8, 10)));
    }

    private static DateTimeOffset Instant(int year, int month, int day, int hour, int minute = 0) =>
        WarsawTime.ToInstant(new DateTime(year, month, day, hour, minute, 0));
}
