using Cro.Training.Features.PersonalData;

namespace Cro.Training.Tests;

/// <summary>GET /api/training/me/personal-data: the caller's own part of "Moje dane", and nothing of it left after an erasure.</summary>
public sealed class PersonalDataTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MyPersonalData.HeldData> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/training/me/personal-data", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MyPersonalData.HeldData>(Ct))!;
    }

    [Fact]
    public async Task A_participant_and_a_trainer_each_get_only_their_own_data()
    {
        var accepted = await Teams.AcceptAsync(service, Teams.Gromadka);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [accepted.ApplicationId], trainer);
        var person = accepted.Team[1];

        var mine = await ExportAsync(service.Member(person.Email.ToUpperInvariant(), Teams.Gromadka));
        var trainers = await ExportAsync(service.Trainer(trainer.Email));

        var participation = Assert.Single(mine.Participations);
        Assert.Equal((person.MemberId, person.FullName, person.Email, person.Sex, cohort.Name),
            (participation.ParticipantId, participation.FullName, participation.Email, participation.Sex, participation.CohortName));
        Assert.Empty(mine.TrainerAssignments);
        Assert.Empty(trainers.Participations);
        var assignment = Assert.Single(trainers.TrainerAssignments);
        Assert.Equal((cohort.Id, trainer.FullName), (assignment.CohortId, assignment.FullName));
    }

    [Fact]
    public async Task After_an_erasure_the_export_holds_nothing_of_the_person_and_the_team_keeps_its_count()
    {
        var accepted = await Teams.AcceptAsync(service, Teams.Osiecznica);
        var person = accepted.Team[0];
        Assert.Single((await ExportAsync(service.Member(person.Email, Teams.Osiecznica))).Participations);

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.NewGuid(), ErasedAt = DateTimeOffset.UtcNow, Email = person.Email });
        await Eventually.GetAsync(() => service.QueryAsync<string>("SELECT full_name FROM participants WHERE id = @MemberId", person),
            names => names.Single() == PersonErasedConsumer.ErasedName, what: "the person erased");

        var after = await ExportAsync(service.Member(person.Email, Teams.Osiecznica));
        Assert.Empty(after.Participations);
        Assert.Empty(after.Certificates);
        Assert.Equal(3, await Teams.EnrolledAsync(service, accepted.ApplicationId, 3));
    }
}
