using System.Net;
using Cro.Monitoring.Features.Recruitment;

namespace Cro.Monitoring.Tests;

public sealed class RecruitmentIndicatorsTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string RoundName = "Nabór testowy";

    private static TaskTeamMember Member(string sex, bool coordinator = false) => new()
    {
        MemberId = Guid.CreateVersion7(), FullName = "Osoba Testowa", Email = $"{Guid.NewGuid():N}@example.test",
        Position = "specjalista", Sex = sex, IsCoordinator = coordinator,
    };

    private static TaskTeamMember[] Team(params string[] sexes) => [.. sexes.Select((sex, i) => Member(sex, coordinator: i == 0))];

    /// <summary>One application of a round, and the events recruitment publishes about it.</summary>
    private sealed record Application(Guid RoundId, string JstTerc, TaskTeamMember[] Team)
    {
        public Guid Id { get; } = Guid.CreateVersion7();

        public ApplicationSubmitted Submitted(DateTimeOffset at) => new()
        {
            ApplicationId = Id, RoundId = RoundId, RoundName = RoundName, JstTerc = JstTerc, JstName = "JST " + JstTerc,
            JstKind = "rural-municipality", VoivodeshipTerc = JstTerc[..2], AtRiskOfMarginalisation = false, Score = 10,
            ScoringVersion = 1, SubmittedAt = at, Team = Team,
        };

        public ApplicationAccepted Accepted(bool promoted = false) => new()
        {
            ApplicationId = Id, RoundId = RoundId, RoundName = RoundName, JstTerc = JstTerc, JstName = "JST " + JstTerc,
            JstKind = "rural-municipality", VoivodeshipTerc = JstTerc[..2], Score = 10, ScoringVersion = 1,
            PromotedFromReserve = promoted, AcceptedAt = DateTimeOffset.UtcNow, Team = Team,
        };

        public JstWithdrew Withdrew(bool hadPlace, Guid? replacedBy = null) => new()
        {
            ApplicationId = Id, RoundId = RoundId, RoundName = RoundName, JstTerc = JstTerc, JstName = "JST " + JstTerc,
            HadPlace = hadPlace, WithdrewAt = DateTimeOffset.UtcNow, Team = Team, ReplacedBy = replacedBy,
        };
    }

    private static Application NewApplication(Guid roundId, string jstTerc, params string[] sexes) =>
        new(roundId, jstTerc, Team(sexes.Length == 0 ? ["woman", "man", "woman"] : sexes));

    private static string PathOf(Guid roundId) => $"/api/monitoring/recruitment?roundId={roundId}";

    /// <summary>Reads the round's indicators until <paramref name="done"/>, then once more a moment later: what redeliveries left.</summary>
    private async Task<GetRecruitmentIndicators.RecruitmentIndicatorsResponse> SettledAsync(Guid roundId, Func<GetRecruitmentIndicators.RecruitmentIndicatorsResponse, bool> done, string what)
    {
        var partner = service.Partner();
        async Task<GetRecruitmentIndicators.RecruitmentIndicatorsResponse?> Read()
        {
            var response = await partner.GetAsync(PathOf(roundId), Ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<GetRecruitmentIndicators.RecruitmentIndicatorsResponse>(Ct) : null;
        }
        await Eventually.GetAsync(Read, r => r is not null && done(r), what: what);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        return (await Read())!;
    }

    [Fact]
    public async Task Submitted_accepted_withdrawn_and_promoted_applications_count_as_the_round_stands_and_redeliveries_change_nothing()
    {
        var roundId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(new JstRegistered
        {
            Terc = "02", Name = "dolnośląskie", Kind = "voivodeship", VoivodeshipTerc = "02", RegisteredAt = DateTimeOffset.UtcNow,
        });
        var (a, b, c, d) = (NewApplication(roundId, "0201022"), NewApplication(roundId, "0201032"),
            NewApplication(roundId, "2205042"), NewApplication(roundId, "2205052"));
        // Warsaw is UTC+1 in March: 22:59 UTC is still the 10th there, 23:00 UTC is already the 11th.
        await service.PublishTwiceAsync(a.Submitted(DateTimeOffset.Parse("2025-03-10T08:00:00Z")));
        await service.PublishTwiceAsync(b.Submitted(DateTimeOffset.Parse("2025-03-10T22:59:00Z")));
        await service.PublishTwiceAsync(c.Submitted(DateTimeOffset.Parse("2025-03-10T23:00:00Z")));
        await service.PublishTwiceAsync(d.Submitted(DateTimeOffset.Parse("2025-03-11T12:00:00Z")));
        // A and B accepted, D on the reserve list; C withdraws before any decision, then A withdraws and D takes its place.
        await service.PublishTwiceAsync(a.Accepted());
        await service.PublishTwiceAsync(b.Accepted());
        await service.PublishTwiceAsync(c.Withdrew(hadPlace: false));
        await service.PublishTwiceAsync(a.Withdrew(hadPlace: true, replacedBy: d.Id));
        await service.PublishTwiceAsync(d.Accepted(promoted: true));

        var indicators = await SettledAsync(roundId,
            r => r.ApplicationsSubmitted == 4 && r.ByVoivodeship.Count == 2 && r.ByVoivodeship.All(v => v.JstAccepted == 1),
            "B and D accepted, A withdrawn");

        Assert.Equal((roundId, RoundName, 4, 2), (indicators.RoundId, indicators.RoundName, indicators.ApplicationsSubmitted, indicators.JstAccepted));
        Assert.Equal([new(new DateOnly(2025, 3, 10), 2), new(new DateOnly(2025, 3, 11), 2)], indicators.SubmittedPerDay);
        Assert.Equal([new("02", "dolnośląskie", 2, 1), new("22", null, 2, 1)], indicators.ByVoivodeship);
        Assert.Equal(new Cro.Monitoring.Features.PeopleBySex(6, 4, 2, 0, 0), indicators.PeopleInAcceptedTeams);
    }

    [Fact]
    public async Task People_of_accepted_teams_count_once_each_by_sex_and_an_erasure_changes_nothing()
    {
        var roundId = Guid.CreateVersion7();
        var a = NewApplication(roundId, "1001011", "woman", "man", "non-binary");
        // One person in two teams (a gmina's and its powiat's) is one person.
        var b = new Application(roundId, "1001", [Member("woman", coordinator: true), Member("undisclosed"), a.Team[0]]);
        var withdrawn = NewApplication(roundId, "1001021", "man", "man", "woman");
        await service.PublishTwiceAsync(a.Accepted());
        await service.PublishTwiceAsync(b.Accepted());
        // The withdrawal may arrive before the acceptance: the JST does not count either way.
        await service.PublishTwiceAsync(withdrawn.Withdrew(hadPlace: true));
        await service.PublishTwiceAsync(withdrawn.Accepted());
        var expected = new Cro.Monitoring.Features.PeopleBySex(5, 2, 1, 1, 1);

        var indicators = await SettledAsync(roundId, r => r.PeopleInAcceptedTeams == expected, "five people of two teams");
        Assert.Equal((0, 2, expected), (indicators.ApplicationsSubmitted, indicators.JstAccepted, indicators.PeopleInAcceptedTeams));

        foreach (var member in a.Team)
        {
            await service.PublishTwiceAsync(new PersonErased { UserId = member.MemberId, ErasedAt = DateTimeOffset.UtcNow });
        }
        var afterErasure = await SettledAsync(roundId, _ => true, "the indicators after the erasure");
        Assert.Equal(expected, afterErasure.PeopleInAcceptedTeams);
    }

    [Fact]
    public async Task A_person_who_joins_an_accepted_team_later_counts_and_one_who_left_still_counts()
    {
        var roundId = Guid.CreateVersion7();
        var a = NewApplication(roundId, "0201052", "woman", "man", "woman");
        var newcomer = Member("man");
        var joined = new TeamMemberJoined
        {
            ApplicationId = a.Id, RoundId = roundId, JstTerc = a.JstTerc, JstName = "Osiecznica", Member = newcomer, JoinedAt = DateTimeOffset.UtcNow,
        };
        // The join may even overtake the acceptance: the acceptance does not drop the newcomer.
        await service.PublishTwiceAsync(joined);
        await service.PublishTwiceAsync(a.Accepted());
        await service.PublishTwiceAsync(new TeamMemberLeft
        {
            ApplicationId = a.Id, RoundId = roundId, JstTerc = a.JstTerc, MemberId = a.Team[1].MemberId, Email = a.Team[1].Email, LeftAt = DateTimeOffset.UtcNow,
        });

        var indicators = await SettledAsync(roundId, r => r.PeopleInAcceptedTeams.Total == 4, "three accepted and one who joined");

        Assert.Equal(new Cro.Monitoring.Features.PeopleBySex(4, 2, 2, 0, 0), indicators.PeopleInAcceptedTeams);
        Assert.Equal(RoundName, indicators.RoundName);
    }

    [Fact]
    public async Task Recruitment_indicators_need_indicators_read_or_an_operator()
    {
        var roundId = Guid.CreateVersion7();
        await service.PublishTwiceAsync(NewApplication(roundId, "0201022").Submitted(DateTimeOffset.UtcNow));
        await SettledAsync(roundId, r => r.ApplicationsSubmitted == 1, "one submission");
        var path = PathOf(roundId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("partner-x", "recruitment.read")).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], "0201022")).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["operator"])).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Partner().GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Partner().GetAsync("/api/monitoring/recruitment", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Partner().GetAsync("/api/monitoring/recruitment?roundId=not-an-id", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_round_monitoring_has_heard_nothing_of_yet_is_a_round_with_zeros_not_a_404()
    {
        var response = await service.Partner().GetAsync(PathOf(Guid.CreateVersion7()), Ct);
        var indicators = await response.Content.ReadFromJsonAsync<GetRecruitmentIndicators.RecruitmentIndicatorsResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 0, 0), (indicators!.ApplicationsSubmitted, indicators.JstAccepted, indicators.PeopleInAcceptedTeams.Total));
        Assert.Empty(indicators.SubmittedPerDay);
        Assert.Empty(indicators.ByVoivodeship);
        Assert.Equal("", indicators.RoundName);
    }
}
