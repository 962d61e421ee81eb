using Cro.Evaluation.Features.PersonalData;
using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// GET /api/evaluation/me/personal-data: the surveys and consultations the caller was invited to, found by their address, and
/// nothing of them after an erasure (the invitations and whether they were answered stay, for the response rates).
/// </summary>
public sealed class PersonalDataTests(ConsultationService service) : IClassFixture<ConsultationService>
{
    private async Task<MyPersonalData.HeldData> ExportAsync(string email)
    {
        var response = await service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], "0201011", email)).GetAsync(
            "/api/evaluation/me/personal-data", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MyPersonalData.HeldData>(Ct))!;
    }

    [Fact]
    public async Task A_person_gets_their_own_survey_invitations_and_names_and_nobody_elses()
    {
        var cohortId = Guid.CreateVersion7();
        var person = await service.EnrolAsync();
        var other = await service.EnrolAsync(person.ApplicationId);
        await service.PublishTwiceAsync(Completed(person, cohortId, "M1"));
        await service.PublishTwiceAsync(Completed(other, cohortId, "M1"));
        await service.InvitationsOfAsync(person.Email);
        await service.InvitationsOfAsync(other.Email);

        var mine = await ExportAsync(person.Email.ToUpperInvariant());

        var invitation = Assert.Single(mine.SurveyInvitations);
        Assert.Equal((person.FullName, person.Email, false), (invitation.FullName, invitation.Email, invitation.Answered));
        Assert.Equal(("team-member", person.FullName), (Assert.Single(mine.Names).Kind, mine.Names[0].FullName));
        Assert.Empty(mine.ConsultationInvitations);
        Assert.DoesNotContain(other.Email, System.Text.Json.JsonSerializer.Serialize(mine));
    }

    [Fact]
    public async Task A_person_invited_to_a_consultation_finds_the_invitation_in_their_data()
    {
        var (document, _, _, email) = await service.ConsultedAsync(service.Operator());

        var mine = await ExportAsync(email);

        var invitation = Assert.Single(mine.ConsultationInvitations);
        Assert.Equal((document.Title, "jst", email), (invitation.Document, invitation.Audience, invitation.Email));
        Assert.Empty(mine.SurveyInvitations);
    }

    [Fact]
    public async Task After_an_erasure_the_export_holds_nothing_and_the_invitations_keep_counting()
    {
        var person = await service.EnrolAsync();
        await service.PublishTwiceAsync(Completed(person, Guid.CreateVersion7(), "M3"));
        var id = Assert.Single(await service.InvitationsOfAsync(person.Email));
        Assert.Single((await ExportAsync(person.Email)).SurveyInvitations);

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = person.Email });
        await Eventually.GetAsync(() => service.QueryAsync<string>("SELECT email FROM survey_invitations WHERE id = @id", new { id }),
            rows => rows.Single() != person.Email, what: "the address erased");

        var after = await ExportAsync(person.Email);
        Assert.Empty(after.SurveyInvitations);
        Assert.Empty(after.Names);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE id = @id", new { id }));
    }
}
