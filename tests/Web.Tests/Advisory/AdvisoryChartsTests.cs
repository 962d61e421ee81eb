using Cro.Web.Advisory;
using Cro.Web.Advisory.Api;
using Cro.Web.Advisory.Shared;
using Cro.Web.Tests.Training;

namespace Cro.Web.Tests.Advisory;

/// <summary>
/// The advisory charts as the server draws them: to scale in SVG attributes (the site's CSP refuses inline styles), with
/// every figure also in words, and a burn-down that steps down by each meeting held.
/// </summary>
public sealed class AdvisoryChartsTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public async Task The_hours_bar_draws_held_booked_and_left_to_scale_and_says_every_figure_in_words()
    {
        var html = await ComponentHtml.RenderAsync<HoursBar>(new() { ["BurnDown"] = BurnDown(held: 10, booked: 10) });

        Assert.Contains("<rect class=\"hours-held\" x=\"0\" y=\"0\" height=\"10\" width=\"25\"", html);
        Assert.Contains("<rect class=\"hours-booked\" x=\"25\" y=\"0\" height=\"10\" width=\"25\"", html);
        Assert.Contains("<rect class=\"hours-left\" x=\"50\" y=\"0\" height=\"10\" width=\"50\"", html);
        Assert.Contains("odbyte: 10 h", html);
        Assert.Contains("zostało: 20 h z 40 h", html);
        Assert.Contains("tygodni do końca: 30", html);
        Assert.Contains("aria-hidden=\"true\"", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Bookings_over_the_budget_with_approval_keep_the_bar_within_its_box()
    {
        var html = await ComponentHtml.RenderAsync<HoursBar>(new() { ["BurnDown"] = BurnDown(held: 30, booked: 20) });

        Assert.Contains("class=\"hours-held\" x=\"0\" y=\"0\" height=\"10\" width=\"60\"", html);
        Assert.Contains("class=\"hours-left\" x=\"100\" y=\"0\" height=\"10\" width=\"0\"", html);
    }

    [Fact]
    public async Task The_burn_down_steps_down_by_each_meeting_held_and_says_where_an_even_pace_would_be()
    {
        var line = BurnDownLine.Of(Engagement(), [
            Meeting(Start.AddDays(30), MeetingStatus.Held, heldMinutes: 90),
            Meeting(Start.AddDays(60), MeetingStatus.Cancelled, heldMinutes: null),
            Meeting(Start.AddDays(10), MeetingStatus.Held, heldMinutes: 60),
            Meeting(Start.AddDays(90), MeetingStatus.Booked, heldMinutes: null),
        ]);

        Assert.Equal([(Start.AddDays(10), 39.0), (Start.AddDays(30), 37.5)], line.Steps.Select(s => (s.Day, s.Left)));
        Assert.Equal(37.5, line.HoursLeft);
        Assert.Equal(20, line.EvenPaceLeft(Start.AddDays(182)), precision: 0);

        var html = await ComponentHtml.RenderAsync<BurnDownChart>(new() { ["Line"] = line, ["Today"] = Start.AddDays(40) });
        Assert.Contains("role=\"img\" aria-label=\"Wykres spalania godzin: z 40 h budżetu po 2 odbytych spotkaniach zostało 37,5 h", html);
        Assert.Contains("<polyline class=\"burn-even\" points=\"0,0 600,160\"", html);
        Assert.Contains("<td>Temat 10</td>", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Free_slots_stand_under_their_Warsaw_day_and_post_their_start_with_its_offset()
    {
        var summer = new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);
        var html = await ComponentHtml.RenderAsync<SlotChoice>(new()
        {
            ["Slots"] = new List<FreeSlot> { new() { StartsAt = summer, EndsAt = summer.AddMinutes(45), Mode = MeetingMode.Onsite } },
            ["IdPrefix"] = "slot", ["Name"] = "Book.StartsAt", ["Legend"] = "Wolny termin", ["Empty"] = "Brak",
        });

        Assert.Contains("<legend>poniedziałek, 15 czerwca 2026</legend>", html);
        Assert.Contains("value=\"2026-06-15T10:00:00.0000000+02:00\"", html);
        Assert.Contains(">10:00–10:45, stacjonarnie</label>", html);
        Assert.Equal(summer, SlotChoice.Parse("2026-06-15T10:00:00.0000000+02:00"));
    }

    private static BurnDown BurnDown(double held, double booked) => new()
    {
        Budget = 40, Held = held, Booked = booked, Left = 40 - held - booked, WeeksLeft = 30, LastHeldAt = null,
    };

    private static EngagementView Engagement() => new()
    {
        Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RoundId = Guid.NewGuid(), JstTerc = "0601062", JstName = "Kodeń",
        AdvisorId = Guid.NewGuid(), AdvisorName = "Barbara Doradcza", AdvisorEmail = "barbara@ore.test", StartsOn = Start,
        EndsOn = Start.AddDays(364), Status = EngagementStatus.Active, EndedAt = null, EndReason = null, BurnDown = BurnDown(2.5, 0), Warnings = [],
    };

    private static MeetingView Meeting(DateOnly day, string status, int? heldMinutes)
    {
        var startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1));
        return new MeetingView
        {
            Id = Guid.NewGuid(), EngagementId = Guid.NewGuid(), JstTerc = "0601062", JstName = "Kodeń", AdvisorId = Guid.NewGuid(),
            AdvisorName = "Barbara Doradcza", StartsAt = startsAt, EndsAt = startsAt.AddHours(1), Topic = $"Temat {day.DayNumber - Start.DayNumber}",
            Stage = "diagnosis", Mode = MeetingMode.Online, Location = null, Status = status, BookedByName = "Anna Nowak", BookedAt = startsAt.AddDays(-7),
            Sequence = 0, CancelledAt = null, CancelReason = null, HeldMinutes = heldMinutes, Notes = null, NextSteps = null, Participants = [],
        };
    }
}
