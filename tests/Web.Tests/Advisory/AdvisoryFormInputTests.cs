using Cro.Web.Advisory;
using Cro.Web.Advisory.Api;
using Cro.Web.Api;

namespace Cro.Web.Tests.Advisory;

/// <summary>
/// The advisory forms as posted (every field a string) turned into the API's requests: what cannot be read is named by
/// the field it belongs to, keyed as the API keys its own, and nothing is sent; what is left empty is left out.
/// </summary>
public sealed class AdvisoryFormInputTests
{
    [Fact]
    public void The_week_leaves_out_rows_without_times_and_names_a_stretch_or_number_it_cannot_read()
    {
        var input = Week(new() { Weekday = "2", StartsAt = "09:00", EndsAt = "13:00", Mode = MeetingMode.Onsite }, new(),
            new() { Weekday = "3", StartsAt = "10:00", EndsAt = "" });
        input.MeetingMinutes = "godzina";
        var errors = new FormErrors();

        Assert.Null(input.ToRequest(errors));
        Assert.Equal(["rules[2]", "meetingMinutes"], errors.Fields.Select(f => f.Key));
    }

    [Fact]
    public void A_readable_week_becomes_its_rules_in_Warsaw_clock_time_and_its_numbers()
    {
        var input = Week(new() { Weekday = "2", StartsAt = "09:00", EndsAt = "13:30", Mode = MeetingMode.Onsite }, new());
        var errors = new FormErrors();

        var request = input.ToRequest(errors)!;

        Assert.False(errors.Any);
        var rule = Assert.Single(request.Rules);
        Assert.Equal((2, new TimeSpan(9, 0, 0), new TimeSpan(13, 30, 0), MeetingMode.Onsite), (rule.Weekday, rule.StartsAt, rule.EndsAt, rule.Mode));
        Assert.Equal((60, 15, 10, 24, 90), (request.MeetingMinutes, request.BufferBeforeMinutes, request.BufferAfterMinutes, request.MinNoticeHours,
            request.HorizonDays));
        Assert.Null(request.OnlineLink);
        Assert.Equal("Urząd Gminy, pok. 12", request.Address);
        Assert.Equal(AvailabilityInput.BlankRows + 1, input.Rows.Count);
    }

    [Fact]
    public void A_held_meeting_names_the_team_members_ticked_as_the_service_knows_them_and_others_by_name_and_role()
    {
        var anna = new AdvisedTeamMember { Id = Guid.NewGuid(), FullName = "Anna Nowak", IsCoordinator = true };
        var jan = new AdvisedTeamMember { Id = Guid.NewGuid(), FullName = "Jan Kowalski", IsCoordinator = false };
        var input = new HeldMeetingInput
        {
            HeldMinutes = "50",
            Members = [new() { Id = anna.Id, Present = "true" }, new() { Id = jan.Id, Present = null }],
            Others = [new() { FullName = " Maria Wójcik ", Role = "dyrektor szkoły" }, new() { FullName = "", Role = "radny" }],
            Notes = "  ",
            NextSteps = "Ankieta do piątku.",
        };

        var request = input.ToRequest([anna, jan], new FormErrors())!;

        Assert.Equal(50, request.HeldMinutes);
        Assert.Equal([(anna.Id, "Anna Nowak", null), (null, "Maria Wójcik", "dyrektor szkoły")],
            request.Participants.Select(p => (p.MemberId, p.FullName, p.Role)));
        Assert.Null(request.Notes);
        Assert.Equal("Ankieta do piątku.", request.NextSteps);
    }

    [Fact]
    public void Stakeholders_left_empty_count_as_none_and_a_count_that_is_no_number_is_named()
    {
        var errors = new FormErrors();
        var counts = StakeholderCount.ToCounts([new() { Type = "teachers", Count = "12" }, new() { Type = "parents", Count = "" },
            new() { Type = "aliens", Count = "3" }], "present", errors);

        Assert.Equal([("teachers", 12)], counts!.Select(c => (c.Key, c.Value)));
        Assert.Null(StakeholderCount.ToCounts([new() { Type = "pupils", Count = "kilku" }], "present", errors));
        Assert.Equal(["present"], errors.Fields.Select(f => f.Key));
    }

    private static AvailabilityInput Week(params AvailabilityInput.RuleInput[] rules) => new()
    {
        Rules = [.. rules], MeetingMinutes = "60", BufferBeforeMinutes = "15", BufferAfterMinutes = "10", MinNoticeHours = "24", HorizonDays = "90",
        OnlineLink = " ", Address = "Urząd Gminy, pok. 12",
    };
}
