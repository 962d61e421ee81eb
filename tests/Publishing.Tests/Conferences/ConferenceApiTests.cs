using Cro.Publishing.Features.Conferences;
using FluentValidation;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// The conferences' API as a partner and the web read it: every endpoint names a policy or is explicitly public, every
/// field a validator checks has a label for its messages, the OpenAPI document is well formed and committed, and the
/// answers to ORE and to anyone are what it documents.
/// </summary>
public sealed class ConferenceApiTests(PublishingService service) : OpenApiDocumentFacts("publishing"), IClassFixture<PublishingService>
{
    protected override HttpClient Anonymous => service.Anonymous;

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() => EndpointPolicies.AssertAllExplicit(service.Factory.Services);

    [Fact]
    public void Every_field_a_conference_validator_checks_has_a_label()
    {
        var validators = typeof(ConferenceRequest).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IEnumerable<IValidationRule>)Activator.CreateInstance(t)!);

        var unlabelled = validators.SelectMany(rules => rules).Select(rule => rule.Member)
            .Where(member => member is not null && !Cro.ServiceDefaults.FieldLabels.Has(member))
            .Select(member => $"{member!.DeclaringType?.Name}.{member.Name}").Distinct().ToList();

        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task Answers_to_ORE_and_to_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        var conference = await service.PublishedAsync(capacity: 5);
        var receipt = await service.ConfirmedAsync(conference.Id, "dokument@example.pl");
        var token = service.TokenOf(receipt.Id);
        string[] forOre =
        [
            $"/api/publishing/conferences/{conference.Id}", $"/api/publishing/conferences/{conference.Id}/registrations",
            $"/api/publishing/conferences/{conference.Id}/reservations", $"/api/publishing/conferences/{conference.Id}/needs",
            $"/api/publishing/conferences/{conference.Id}/attendance/export", "/api/publishing/conference-participants?email=dokument@example.pl",
        ];
        string[] forAnyone =
        [
            $"/api/publishing/public/conferences/{conference.Id}", $"/api/publishing/public/conferences/{conference.Id}/calendar",
            "/api/publishing/public/conferences/jst?q=Gro", $"/api/publishing/public/conference-registrations/{token}",
            $"/api/publishing/public/conference-registrations/{token}/data", $"/api/publishing/public/conference-registrations/{token}/ticket",
        ];

        var byOre = await document.AssertAnswersAsync(service.Operator(), [.. document.PathsWithoutParameters(), .. forOre], Ct);
        var byAnyone = await document.AssertAnswersAsync(service.Anonymous, [.. document.PathsWithoutParameters(), .. forAnyone], Ct);

        Assert.All(forOre, path => Assert.Equal(200, byOre[path]));
        Assert.All(forAnyone, path => Assert.Equal(200, byAnyone[path]));
    }
}
