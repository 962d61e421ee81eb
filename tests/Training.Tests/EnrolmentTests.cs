using Cro.Training.Features.Teams;
using Cro.Training.Features.PersonalData;

namespace Cro.Training.Tests;

public sealed class EnrolmentTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TeamView?> WaitingAsync(Guid applicationId) =>
        (await service.Operator().GetFromJsonAsync<List<TeamView>>("/api/training/enrolment/waiting", Ct))!.SingleOrDefault(t => t.ApplicationId == applicationId);

    private sealed record Person(string FullName, string Email, DateTime? LeftAt);

    private Task<IReadOnlyList<Person>> PeopleAsync(Guid applicationId) =>
        service.QueryAsync<Person>("SELECT full_name, email, left_at FROM participants WHERE application_id = @applicationId ORDER BY enrolled_at, id",
            new { applicationId });

    [Fact]
    public async Task An_accepted_team_is_enrolled_once_however_often_the_event_comes_and_waits_to_be_placed()
    {
        var accepted = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // the redelivery had its chance

        var waiting = await WaitingAsync(accepted.ApplicationId);
        var enrolled = await service.EventsAsync(nameof(ParticipantEnrolled), e => e.GetProperty("applicationId").GetGuid() == accepted.ApplicationId);

        Assert.NotNull(waiting);
        Assert.Equal((Teams.Boleslawiec, "Nabór pilotażowy", null), (waiting.JstTerc, waiting.RoundName, waiting.CohortId));
        Assert.Equal(accepted.Team.Select(m => m.MemberId).Order(), waiting.Participants.Select(p => p.Id).Order());
        Assert.Equal(3, enrolled.Count);
        Assert.Equal(accepted.Team.Select(m => m.Sex).Order(), enrolled.Select(e => e.GetProperty("sex").GetString()).Order());
        Assert.All(enrolled, e => Assert.Equal(Teams.Boleslawiec, e.GetProperty("jstTerc").GetString()));
    }

    [Fact]
    public async Task People_who_join_and_leave_an_accepted_team_enter_and_leave_the_training()
    {
        var accepted = await Teams.AcceptAsync(service, Teams.Gromadka);
        var joining = Teams.Member("man");
        var leaving = accepted.Team[2];

        await service.PublishTwiceAsync(new TeamMemberJoined
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, JstTerc = accepted.JstTerc, JstName = accepted.JstName,
            Member = joining, JoinedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new TeamMemberLeft
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, JstTerc = accepted.JstTerc, MemberId = leaving.MemberId,
            Email = leaving.Email, LeftAt = DateTimeOffset.UtcNow,
        });
        var people = await Eventually.GetAsync(() => PeopleAsync(accepted.ApplicationId), p => p.Count == 4 && p.Count(x => x.LeftAt is not null) == 1,
            what: "one joined and one left");
        var waiting = await WaitingAsync(accepted.ApplicationId);

        Assert.Equal(leaving.Email, people.Single(p => p.LeftAt is not null).Email);
        Assert.Equal(3, waiting!.Participants.Count);
        Assert.Contains(waiting.Participants, p => p.Id == joining.MemberId);
        Assert.Single(await service.EventsAsync(nameof(ParticipantEnrolled), e => e.GetProperty("participantId").GetGuid() == joining.MemberId));
    }

    [Fact]
    public async Task A_person_leaving_before_the_acceptance_arrived_is_applied_once_the_acceptance_is_in()
    {
        var accepted = Teams.Accepted(Teams.Osiecznica);
        var leaving = accepted.Team[1];

        // Queues of different events are not ordered among themselves: the departure may overtake the acceptance.
        await service.Bus.Publish(new TeamMemberLeft
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, JstTerc = accepted.JstTerc, MemberId = leaving.MemberId,
            Email = leaving.Email, LeftAt = DateTimeOffset.UtcNow,
        }, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        await service.Bus.Publish(accepted, Ct);

        var people = await Eventually.GetAsync(() => PeopleAsync(accepted.ApplicationId), p => p.Any(x => x.LeftAt is not null),
            what: "the departure applied after the acceptance");
        Assert.Equal(leaving.Email, people.Single(p => p.LeftAt is not null).Email);
    }

    [Fact]
    public async Task A_JST_that_withdraws_leaves_the_training_with_its_people()
    {
        var accepted = await Teams.AcceptAsync(service, "0201011");

        await service.PublishTwiceAsync(new JstWithdrew
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, RoundName = accepted.RoundName, JstTerc = accepted.JstTerc,
            JstName = accepted.JstName, HadPlace = true, WithdrewAt = DateTimeOffset.UtcNow, Team = accepted.Team,
        });

        var people = await Eventually.GetAsync(() => PeopleAsync(accepted.ApplicationId), p => p.All(x => x.LeftAt is not null), what: "everyone left");
        Assert.Equal(3, people.Count);
        Assert.Null(await WaitingAsync(accepted.ApplicationId));
    }

    [Fact]
    public async Task Erasure_removes_the_persons_name_and_address_and_keeps_the_row_for_the_counts()
    {
        var accepted = await Teams.AcceptAsync(service, "0201022");
        var person = accepted.Team[0];

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.NewGuid(), ErasedAt = DateTimeOffset.UtcNow, Email = person.Email.ToUpperInvariant() });

        var people = await Eventually.GetAsync(() => PeopleAsync(accepted.ApplicationId),
            p => p.Any(x => x.FullName == PersonErasedConsumer.ErasedName), what: "the person erased");
        Assert.Equal(3, people.Count);
        Assert.DoesNotContain(people, p => p.Email == person.Email || p.FullName == person.FullName);
        Assert.Equal(2, people.Count(p => p.FullName != PersonErasedConsumer.ErasedName));
    }
}
