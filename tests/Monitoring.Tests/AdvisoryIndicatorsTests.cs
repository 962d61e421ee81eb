using System.Net;
using Cro.Monitoring.Features.Advisory;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Advisory in numbers from advisory's events: the seed's indicator (JST with at least one advisory meeting held, once
/// each), hours per JST and per advisor for ORE, stakeholders of dialogue meetings by type; per round and overall.
/// Events delivered twice or out of order change nothing; partners see aggregates only.
/// </summary>
public sealed class AdvisoryIndicatorsTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Indicators = "/api/monitoring/advisory";

    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-05-05T08:00:00Z");

    /// <summary>One JST's engagement in a round, and the events advisory publishes about it.</summary>
    private sealed record Engagement(Guid RoundId, string JstTerc, Guid AdvisorId)
    {
        public Guid Id { get; } = Guid.CreateVersion7();

        public AdvisorAssigned Assigned(Guid advisorId, DateTimeOffset at, Guid? previous = null) => new()
        {
            EngagementId = Id, ApplicationId = Guid.Empty, RoundId = RoundId, JstTerc = JstTerc, JstName = "JST " + JstTerc, AdvisorId = advisorId,
            AdvisorEmail = $"{advisorId:N}@ore.example.pl", AdvisorName = "Doradca Testowy", StartsOn = new DateOnly(2025, 5, 1),
            EndsOn = new DateOnly(2026, 5, 1), HoursBudget = 40, PreviousAdvisorId = previous, AssignedAt = at,
        };

        public EngagementEnded Ended(DateTimeOffset at) => new()
        {
            EngagementId = Id, ApplicationId = Guid.Empty, RoundId = RoundId, JstTerc = JstTerc, AdvisorId = AdvisorId,
            AdvisorEmail = $"{AdvisorId:N}@ore.example.pl", How = "early", Reason = "test", HoursHeld = 0, EndedAt = at,
        };

        public AdvisoryMeetingBooked Booked(Guid meetingId) => new()
        {
            MeetingId = meetingId, EngagementId = Id, RoundId = RoundId, JstTerc = JstTerc, JstName = "JST " + JstTerc, AdvisorId = AdvisorId,
            StartsAt = T0, EndsAt = T0.AddHours(1), Topic = "Diagnoza", Stage = "diagnosis", Mode = "online", Rescheduled = false, Sequence = 0,
            CalendarUid = $"{meetingId}@cro-advisory",
            Attendees = [], BookedAt = T0.AddDays(-7),
        };

        public AdvisoryMeetingCancelled Cancelled(Guid meetingId) => new()
        {
            MeetingId = meetingId, EngagementId = Id, JstTerc = JstTerc, JstName = "JST " + JstTerc, StartsAt = T0, EndsAt = T0.AddHours(1),
            Topic = "Diagnoza", CancelledBy = "Doradca Testowy", Sequence = 1, Attendees = [], CancelledAt = T0.AddDays(-1),
            CalendarUid = $"{meetingId}@cro-advisory",
        };

        public AdvisoryMeetingHeld Held(int minutes, string stage = "diagnosis", Guid? meetingId = null, Guid? advisorId = null) => new()
        {
            MeetingId = meetingId ?? Guid.CreateVersion7(), EngagementId = Id, RoundId = RoundId, JstTerc = JstTerc, AdvisorId = advisorId ?? AdvisorId,
            StartsAt = T0, HeldMinutes = minutes, Stage = stage, Participants = 4, RecordedAt = T0.AddHours(2),
        };
    }

    private static DialogueMeetingHeld Dialogue(Guid roundId, string terc, string kind, Dictionary<string, int> present, DateTimeOffset recordedAt,
        Guid? id = null) => new()
    {
        DialogueMeetingId = id ?? Guid.CreateVersion7(), RoundId = roundId, JstTerc = terc, Kind = kind, HeldAt = T0, Present = present,
        RecordedAt = recordedAt,
    };

    private HttpClient Partner() => service.ClientWith(TestTokens.Client("partner-advisory", "advisory.read"));

    private HttpClient Operator() => service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["operator"]));

    private Task<GetAdvisoryIndicators.AdvisoryIndicatorsResponse> IndicatorsAsync(Func<GetAdvisoryIndicators.AdvisoryIndicatorsResponse, bool> done, string what) =>
        MonitoringService.SettledAsync(Partner(), Indicators, done, what, Ct);

    private static GetAdvisoryIndicators.AdvisoryFigures? InRound(GetAdvisoryIndicators.AdvisoryIndicatorsResponse response, Guid roundId) =>
        response.Rounds.SingleOrDefault(r => r.RoundId == roundId)?.Figures;

    [Fact]
    public async Task A_JST_counts_once_however_many_meetings_it_held_and_a_redelivered_event_counts_once()
    {
        var roundId = Guid.CreateVersion7();
        var (a, b) = (new Engagement(roundId, "0201011", Guid.CreateVersion7()), new Engagement(roundId, "0201022", Guid.CreateVersion7()));
        var first = a.Held(90);
        await service.PublishTwiceAsync(first);
        // The same meeting once more under another message id (published again): still one meeting.
        await service.PublishTwiceAsync(first);
        await service.PublishTwiceAsync(a.Held(60, stage: "plan"));
        await service.PublishTwiceAsync(a.Held(30, stage: "plan"));
        await service.PublishTwiceAsync(b.Held(45));

        var indicators = await IndicatorsAsync(r => InRound(r, roundId)?.MeetingsHeld == 4, "four meetings of two JST held");

        var round = InRound(indicators, roundId)!;
        Assert.Equal((2, 4, 3.75m), (round.JstCovered, round.MeetingsHeld, round.HoursHeld));
        Assert.Equal(new Dictionary<string, int> { ["diagnosis"] = 2, ["plan"] = 2 }, round.MeetingsHeldByStage);
        Assert.Equal((GetAdvisoryIndicators.IndicatorName, GetAdvisoryIndicators.PilotTarget), (indicators.JstCovered.Name, indicators.JstCovered.Target));
        Assert.Equal(indicators.Overall.JstCovered, indicators.JstCovered.Value);
    }

    [Fact]
    public async Task Each_round_counts_its_own_JST_and_a_JST_advised_in_two_rounds_counts_once_overall()
    {
        var before = (await Partner().GetFromJsonAsync<GetAdvisoryIndicators.AdvisoryIndicatorsResponse>(Indicators, Ct))!;
        var (pilot, next) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishTwiceAsync(new Engagement(pilot, "1465011", Guid.CreateVersion7()).Held(60));
        await service.PublishTwiceAsync(new Engagement(next, "1465011", Guid.CreateVersion7()).Held(60));
        await service.PublishTwiceAsync(new Engagement(next, "1201011", Guid.CreateVersion7()).Held(120));
        // A round with an advisor assigned and nothing held yet shows, with nothing covered.
        var waiting = Guid.CreateVersion7();
        var idle = new Engagement(waiting, "1201022", Guid.CreateVersion7());
        await service.PublishTwiceAsync(idle.Assigned(idle.AdvisorId, T0));

        var after = await IndicatorsAsync(r => InRound(r, next)?.MeetingsHeld == 2 && InRound(r, pilot) is not null && InRound(r, waiting) is not null,
            "meetings of both rounds and the waiting round");

        Assert.Equal((1, 1.0m), (InRound(after, pilot)!.JstCovered, InRound(after, pilot)!.HoursHeld));
        Assert.Equal((2, 3.0m), (InRound(after, next)!.JstCovered, InRound(after, next)!.HoursHeld));
        Assert.Equal((0, 0), (InRound(after, waiting)!.JstCovered, InRound(after, waiting)!.MeetingsHeld));
        Assert.Equal(before.Overall.JstCovered + 2, after.Overall.JstCovered);
        Assert.Equal(before.Overall.MeetingsHeld + 3, after.Overall.MeetingsHeld);
        Assert.Equal(after.Overall.JstCovered, after.JstCovered.Value);
    }

    [Fact]
    public async Task Stakeholders_present_are_summed_by_type_per_round_and_a_later_correction_stands_whatever_the_order()
    {
        var roundId = Guid.CreateVersion7();
        var corrected = Guid.CreateVersion7();
        await service.PublishTwiceAsync(Dialogue(roundId, "0201011", "dialogue", new() { ["teachers"] = 10, ["parents"] = 4, ["school-directors"] = 2 }, T0));
        // The correction of the debate (recorded later) arrives before the first record of it: the correction stands.
        await service.PublishTwiceAsync(Dialogue(roundId, "0201011", "debate", new() { ["teachers"] = 3, ["pupils"] = 20, ["councillors"] = 5 }, T0.AddHours(3), corrected));
        await service.PublishTwiceAsync(Dialogue(roundId, "0201011", "debate", new() { ["teachers"] = 1, ["pupils"] = 99 }, T0.AddHours(1), corrected));
        await service.PublishTwiceAsync(Dialogue(Guid.CreateVersion7(), "0201022", "debate", new() { ["employers"] = 7 }, T0));

        var indicators = await IndicatorsAsync(r => InRound(r, roundId)?.DialogueMeetingsHeld.Values.Sum() == 2, "a dialogue meeting and a debate");

        var round = InRound(indicators, roundId)!;
        Assert.Equal(new Dictionary<string, int> { ["dialogue"] = 1, ["debate"] = 1 }, round.DialogueMeetingsHeld);
        Assert.Equal(new Dictionary<string, int> { ["teachers"] = 13, ["parents"] = 4, ["school-directors"] = 2, ["pupils"] = 20, ["councillors"] = 5 },
            round.StakeholdersPresent);
        Assert.Equal(0, round.JstCovered);
        Assert.True(indicators.Overall.StakeholdersPresent["employers"] >= 7);
    }

    [Fact]
    public async Task ORE_sees_hours_per_JST_and_per_advisor_whatever_order_the_engagement_and_meeting_events_arrive_in()
    {
        var roundId = Guid.CreateVersion7();
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var handedOver = new Engagement(roundId, "3001011", first);
        var ended = new Engagement(roundId, "3001022", second);
        var (cancelled, booked, heldByFirst) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        // The handover to the second advisor arrives before the first assignment; the end before its assignment.
        await service.PublishTwiceAsync(handedOver.Assigned(second, T0.AddMonths(2), previous: first));
        await service.PublishTwiceAsync(handedOver.Assigned(first, T0));
        await service.PublishTwiceAsync(ended.Ended(T0.AddMonths(3)));
        await service.PublishTwiceAsync(ended.Assigned(second, T0));
        // A cancellation before its booking; a meeting held by the first advisor before the handover, its booking after.
        await service.PublishTwiceAsync(handedOver.Cancelled(cancelled));
        await service.PublishTwiceAsync(handedOver.Booked(cancelled));
        await service.PublishTwiceAsync(handedOver.Booked(booked));
        await service.PublishTwiceAsync(handedOver.Held(120, meetingId: heldByFirst, advisorId: first));
        await service.PublishTwiceAsync(handedOver.Booked(heldByFirst) with { AdvisorId = second });
        await service.PublishTwiceAsync(ended.Held(30, advisorId: second));

        var hours = await MonitoringService.SettledAsync<GetAdvisoryHours.AdvisoryHoursResponse>(Operator(), $"{Indicators}/hours?roundId={roundId}",
            r => r.Jst.Count == 2 && r.Jst.Sum(j => j.MeetingsHeld) == 2 && r.Jst.All(j => j.HoursBudget is not null) && r.Jst.Sum(j => j.MeetingsBooked + j.MeetingsCancelled) == 2,
            "two JST with their meetings", Ct);

        Assert.Equal(roundId, hours.RoundId);
        Assert.Equal(
            [
                new(roundId, "3001011", "JST 3001011", second, 40m, Advised: true, MeetingsHeld: 1, HoursHeld: 2m, MeetingsBooked: 1, MeetingsCancelled: 1),
                new GetAdvisoryHours.JstHours(roundId, "3001022", "JST 3001022", second, 40m, Advised: false, 1, 0.5m, 0, 0),
            ],
            hours.Jst);
        Assert.Equal(
            [new(first, JstAdvised: 0, JstMet: 1, MeetingsHeld: 1, HoursHeld: 2m), new GetAdvisoryHours.AdvisorHours(second, 1, 1, 1, 0.5m)],
            hours.Advisors);
    }

    [Fact]
    public async Task A_partner_with_advisory_read_gets_aggregates_without_JST_or_advisors_and_without_the_scope_is_refused()
    {
        var roundId = Guid.CreateVersion7();
        var advisorId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new Engagement(roundId, "0604011", advisorId).Held(60));
        await IndicatorsAsync(r => InRound(r, roundId) is not null, "the round's meeting");

        var body = await Partner().GetStringAsync(Indicators, Ct);
        Assert.DoesNotContain("0604011", body);
        Assert.DoesNotContain(advisorId.ToString(), body);

        async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync(path, Ct)).StatusCode;
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(service.Partner(), Indicators));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(Partner(), $"{Indicators}/hours"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["advisor"])), $"{Indicators}/hours"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-coordinator"], jst: "0604011")), Indicators));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(service.Client, Indicators));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Operator(), Indicators));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Operator(), $"{Indicators}/hours"));
    }
}
