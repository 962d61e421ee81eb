using System.Reflection;
using System.Text.Json;
using Cro.Recruitment.Features.Applications;
using Cro.ServiceDefaults;
using FluentValidation;

namespace Cro.Recruitment.Tests;

/// <summary>Addresses a mail server would take, and messages that name a field as the form labels it.</summary>
public sealed class FieldValidationTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("anna.kowalska@example.pl", true)]
    [InlineData("a.nowak+nabor@urzad.gmina-boleslawiec.pl", true)]
    [InlineData("sekretariat@łódź.pl", true)]
    [InlineData("anna.kowalska@example", false)]
    [InlineData("anna.kowalska@example.", false)]
    [InlineData("anna.kowalska@.pl", false)]
    [InlineData("anna..kowalska@gmina.pl", false)]
    [InlineData("anna kowalska@gmina.pl", false)]
    [InlineData("anna@kowalska@gmina.pl", false)]
    [InlineData("@gmina.pl", false)]
    [InlineData("anna@gmina.p", false)]
    public void An_address_is_taken_only_as_a_mail_server_would_deliver_it(string address, bool deliverable) =>
        Assert.Equal(deliverable, MailAddressRule.IsDeliverable(address));

    [Fact]
    public async Task A_coordinators_address_without_a_dot_in_its_domain_is_refused()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        team[0] = team[0] with { Email = "anna.kowalska@example" };

        var response = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/applications",
            new ApplicationForm(Applicants.RuralBoleslawiec, team), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("pełną domeną", errors.GetProperty("team[0].email")[0].GetString());
    }

    [Theory]
    [InlineData("pl", "Imię i nazwisko", "Stanowisko")]
    [InlineData("en", "Full name", "Position")]
    public async Task Messages_name_each_field_as_the_form_labels_it_in_the_readers_language(string language, string fullName, string position)
    {
        var round = await Applicants.OpenRoundAsync(service);
        var team = Applicants.Team(3);
        team[1] = team[1] with { FullName = "", Position = "" };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recruitment/rounds/{round.Id}/applications")
        {
            Content = JsonContent.Create(new ApplicationForm(Applicants.RuralGromadka, team)),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await service.Client.SendAsync(request, Ct);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
        Assert.Contains(messages, m => m.Contains($"'{fullName}'"));
        Assert.Contains(messages, m => m.Contains($"'{position}'"));
        Assert.DoesNotContain(messages, m => m.Contains("full Name") || m.Contains("'position'"));
    }

    [Fact]
    public void Every_field_a_recruitment_validator_checks_has_a_label()
    {
        var validators = typeof(ApplicationForm).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IEnumerable<IValidationRule>)Activator.CreateInstance(t)!);

        var unlabelled = validators.SelectMany(rules => rules).Select(rule => rule.Member)
            .Where(member => member is not null && !FieldLabels.Has(member))
            .Select(member => $"{member!.DeclaringType?.Name}.{member.Name}").Distinct().ToList();

        Assert.Empty(unlabelled);
    }
}
