using System.Security.Claims;
using Cro.Contracts;
using Cro.Recruitment.Features.PersonalData;
using Cro.ServiceDefaults.Security;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Recruitment.Tests;

public sealed class PersonalDataTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient PersonWith(string email) => service.ClientWith(TestTokens.Create(
    [
        new Claim(CroClaims.Subject, Guid.NewGuid().ToString()), new Claim(CroClaims.PrincipalType, CroClaims.Person),
        new Claim(CroClaims.Email, email),
    ]));

    [Fact]
    public async Task A_person_downloads_the_teams_they_were_named_in_and_after_erasure_no_name_or_address_is_left()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        var started = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        var mine = await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralBoleslawiec, team));
        var person = team[1];

        var raw = await PersonWith(person.Email).GetStringAsync("/api/recruitment/me/personal-data", Ct);
        var before = await PersonWith(person.Email.ToUpperInvariant()).GetFromJsonAsync<List<MyPersonalData.Membership>>("/api/recruitment/me/personal-data", Ct);
        await service.Factory.Services.GetRequiredService<IBus>().Publish(
            new PersonErased { UserId = Guid.NewGuid(), ErasedAt = DateTimeOffset.UtcNow, Email = person.Email }, Ct);
        var after = await Eventually.GetAsync(
            () => PersonWith(person.Email).GetFromJsonAsync<List<MyPersonalData.Membership>>("/api/recruitment/me/personal-data", Ct),
            memberships => memberships!.Count == 0, what: "the person's rows erased");
        var application = await service.Operator().GetStringAsync($"/api/recruitment/applications/{mine.Application.Id}", Ct);

        // The person reads the file: the codes come with their words.
        Assert.Contains("\"sex\":\"man\"", raw);
        Assert.Contains("\"sexLabel\":\"mężczyzna\"", raw);
        Assert.Contains("\"applicationStatusLabel\":\"wersja robocza\"", raw);
        var membership = Assert.Single(before!);
        Assert.Equal((mine.Application.Id, person.FullName, "0201022"), (membership.ApplicationId, membership.FullName, membership.JstTerc));
        Assert.Empty(after!);
        Assert.DoesNotContain(person.Email, application, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.FullName, application);
        Assert.Contains(PersonErasedConsumer.ErasedName, application);
        Assert.NotEqual(started.Application.Id, mine.Application.Id);
    }
}
