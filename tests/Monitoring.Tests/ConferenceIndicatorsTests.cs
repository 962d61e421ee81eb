using System.Net;
using Cro.Monitoring.Features;
using Cro.Monitoring.Features.Conferences;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Whom the conferences reached, from publishing's check-ins: people once each (however many days and conferences) by sex,
/// JST by kind, in the programme or outside it; per conference and overall. Events delivered twice change nothing; partners
/// with indicators.read and ORE read aggregates only.
/// </summary>
public sealed class ConferenceIndicatorsTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Indicators = "/api/monitoring/conferences";

    private static ConferenceAttended Attended(Guid conference, string title, string person, string sex, DateOnly day, string? jstTerc = null,
        string? jstKind = null) => new()
    {
        ConferenceId = conference, ConferenceTitle = title, ConferenceStartsAt = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
        RegistrationId = DeterministicId(conference, person), ParticipantKey = person, Day = day, Sex = sex, InstitutionKind = jstTerc is null ? "other" : "jst",
        JstTerc = jstTerc, JstKind = jstKind, AttendedAt = day.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc),
    };

    /// <summary>One registration per person and conference, as publishing has.</summary>
    private static Guid DeterministicId(Guid conference, string person) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{conference}/{person}")));

    [Fact]
    public async Task People_are_counted_once_by_sex_and_the_JST_reached_by_kind_in_the_programme_or_outside_it()
    {
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (day1, day2) = (new DateOnly(2027, 4, 20), new DateOnly(2027, 4, 21));
        // 2201011 takes part in the programme (its application accepted); 2205000 (a powiat) does not.
        await service.PublishTwiceAsync(new ApplicationAccepted
        {
            ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), RoundName = "Pilotaż", JstTerc = "2201011", JstName = "Gmina A",
            JstKind = "urban-municipality", VoivodeshipTerc = "22", Score = 10, ScoringVersion = 1, PromotedFromReserve = false,
            AcceptedAt = DateTimeOffset.UtcNow, Team = [],
        });
        ConferenceAttended[] checkIns =
        [
            Attended(first, "Konferencja I", "anna", "woman", day1, "2201011", "urban-municipality"),
            Attended(first, "Konferencja I", "anna", "woman", day2, "2201011", "urban-municipality"),
            Attended(first, "Konferencja I", "bartek", "man", day1, "2205000", "county"),
            Attended(first, "Konferencja I", "celina", "undisclosed", day2),
            Attended(second, "Konferencja II", "anna", "woman", new DateOnly(2027, 10, 19), "2201011", "urban-municipality"),
            Attended(second, "Konferencja II", "dorota", "woman", new DateOnly(2027, 10, 19), "2205000", "county"),
        ];
        foreach (var checkIn in checkIns)
        {
            await service.PublishTwiceAsync(checkIn);
        }

        var figures = await MonitoringService.SettledAsync<GetConferenceIndicators.ConferenceIndicatorsResponse>(service.Partner(), Indicators,
            r => r.Overall.People.Total == 4 && r.Overall.JstInProgramme == 1 && r.Conferences.Sum(c => c.Figures.People.Total) == 5,
            "every check-in counted", Ct);

        var overall = figures.Overall;
        Assert.Equal(new PeopleBySex(4, 2, 1, 0, 1), overall.People);
        Assert.Equal((3, 1), (overall.PeopleFromJst, overall.PeopleFromOtherInstitutions));
        Assert.Equal((2, 1, 1), (overall.JstReached, overall.JstInProgramme, overall.JstOutsideProgramme));
        Assert.Equal([("county", 1, 0, 1), ("urban-municipality", 1, 1, 0)],
            overall.JstReachedByKind.Select(k => (k.Kind, k.Total, k.InProgramme, k.OutsideProgramme)));
        var one = figures.Conferences.Single(c => c.ConferenceId == first);
        Assert.Equal(("Konferencja I", 2), (one.Title, one.DaysWithAttendance));
        Assert.Equal(new PeopleBySex(3, 1, 1, 0, 1), one.Figures.People);
        var two = figures.Conferences.Single(c => c.ConferenceId == second);
        Assert.Equal(new PeopleBySex(2, 2, 0, 0, 0), two.Figures.People);
        Assert.Equal((2, 1), (two.Figures.JstReached, two.Figures.JstInProgramme));

        Assert.Equal(HttpStatusCode.OK, (await service.Operator().GetAsync(Indicators, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("partner-other", "recruitment.read")).GetAsync(Indicators, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync(Indicators, Ct)).StatusCode);
        Assert.DoesNotContain("anna", await (await service.Partner().GetAsync(Indicators, Ct)).Content.ReadAsStringAsync(Ct));
    }
}
