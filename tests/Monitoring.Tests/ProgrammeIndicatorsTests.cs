using Cro.Monitoring.Features;
using Cro.Monitoring.Features.Training;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The programme's people indicators from training's events: a person is supported from the first session
/// they attended (a correction to absent takes it back), and raised their competences while a module of
/// theirs stands as raised. Each person counts once, events delivered twice or out of order change nothing.
/// </summary>
public sealed class ProgrammeIndicatorsTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Person(Guid Id, string Sex, string JstTerc);

    private static SessionAttended Attended(Person person, Guid sessionId, DateTimeOffset at) => new()
    {
        SessionId = sessionId, CohortId = Guid.Empty, ParticipantId = person.Id, ApplicationId = Guid.Empty, JstTerc = person.JstTerc,
        Sex = person.Sex, ModuleCode = "M1", ProgrammeVersion = 1, Hours = 4, SessionStartsAt = at.AddHours(-1), RecordedBy = "trainer", RecordedAt = at,
    };

    private static SessionAttendanceRevoked Revoked(Person person, Guid sessionId, DateTimeOffset at) => new()
    {
        SessionId = sessionId, CohortId = Guid.Empty, ParticipantId = person.Id, JstTerc = person.JstTerc, Sex = person.Sex, ModuleCode = "M1",
        Hours = 4, Status = "absent", RevokedAt = at,
    };

    private static CompetenceValidated Validated(Person person, Guid cohortId, string module, bool raised, DateTimeOffset at) => new()
    {
        ParticipantId = person.Id, ApplicationId = Guid.Empty, CohortId = cohortId, JstTerc = person.JstTerc, Sex = person.Sex,
        ModuleCode = module, ProgrammeVersion = 1, PreTestTaken = true, PreTestScore = 40, PostTestScore = raised ? 80 : 40,
        PostTestAttempts = 1, Threshold = 60, Validated = raised, Raised = raised, ValidatedAt = at,
    };

    /// <summary>One round's people in monitoring's recruitment model, so the indicators can be asked for that round.</summary>
    private async Task<Guid> RoundOfAsync(params Person[] people)
    {
        var roundId = Guid.CreateVersion7();
        foreach (var person in people)
        {
            await service.PublishTwiceAsync(new TeamMemberJoined
            {
                ApplicationId = Guid.CreateVersion7(), RoundId = roundId, JstTerc = person.JstTerc, JstName = "JST " + person.JstTerc, JoinedAt = DateTimeOffset.UtcNow,
                Member = new TaskTeamMember
                {
                    MemberId = person.Id, FullName = "Osoba Testowa", Email = $"{person.Id:N}@example.test", Position = "specjalista",
                    Sex = person.Sex, IsCoordinator = false,
                },
            });
        }
        return roundId;
    }

    private Task<GetProgrammeIndicators.ProgrammeIndicatorsResponse> SettledAsync(Guid roundId, Func<GetProgrammeIndicators.ProgrammeIndicatorsResponse, bool> done, string what) =>
        MonitoringService.SettledAsync(service.Partner(), $"/api/monitoring/indicators?roundId={roundId}", done, what, Ct);

    [Fact]
    public async Task People_count_once_from_their_first_attended_session_and_a_later_correction_takes_it_back()
    {
        var (anna, jan, ewa) = (new Person(Guid.CreateVersion7(), "woman", "0201032"), new Person(Guid.CreateVersion7(), "man", "0201032"),
            new Person(Guid.CreateVersion7(), "woman", "0201052"));
        var roundId = await RoundOfAsync(anna, jan, ewa);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var t = DateTimeOffset.UtcNow;

        await service.PublishTwiceAsync(Attended(anna, first, t));
        await service.PublishTwiceAsync(Attended(anna, second, t.AddDays(7)));
        await service.PublishTwiceAsync(Attended(jan, first, t));
        // Ewa's correction is recorded after her attendance but delivered first: the later record stands.
        await service.PublishTwiceAsync(Revoked(ewa, first, t.AddHours(2)));
        await service.PublishTwiceAsync(Attended(ewa, first, t));

        var indicators = await SettledAsync(roundId, r => r.PeopleSupported.Total == 2, "Anna and Jan supported");

        Assert.Equal(new PeopleBySex(2, 1, 1, 0, 0), indicators.PeopleSupported);
        Assert.Equal(1, indicators.JstSupported);
        Assert.Equal(new PeopleBySex(0, 0, 0, 0, 0), indicators.CompetencesRaised);
    }

    [Fact]
    public async Task A_person_counts_as_raised_while_any_module_stands_raised_and_a_second_attempt_can_raise_it()
    {
        var (anna, jan) = (new Person(Guid.CreateVersion7(), "woman", "0201022"), new Person(Guid.CreateVersion7(), "man", "0201022"));
        var roundId = await RoundOfAsync(anna, jan);
        var cohort = Guid.CreateVersion7();
        var t = DateTimeOffset.UtcNow;

        // Anna raised two modules (she counts once); Jan's first attempt did not validate, his second did.
        await service.PublishTwiceAsync(Validated(anna, cohort, "M1", raised: true, t));
        await service.PublishTwiceAsync(Validated(anna, cohort, "M2", raised: true, t));
        await service.PublishTwiceAsync(Validated(jan, cohort, "M1", raised: false, t));
        await service.PublishTwiceAsync(Validated(jan, cohort, "M1", raised: true, t.AddDays(1)));

        var indicators = await SettledAsync(roundId, r => r.CompetencesRaised.Total == 2, "Anna and Jan raised");

        Assert.Equal(new PeopleBySex(2, 1, 1, 0, 0), indicators.CompetencesRaised);
        var overall = await service.Partner().GetFromJsonAsync<GetProgrammeIndicators.ProgrammeIndicatorsResponse>("/api/monitoring/indicators", Ct);
        Assert.True(overall!.CompetencesRaised.Total >= 2);
    }
}
