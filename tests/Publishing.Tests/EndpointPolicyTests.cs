using FluentValidation;

namespace Cro.Publishing.Tests;

public sealed class EndpointPolicyTests(PublishingService service) : IClassFixture<PublishingService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(service.Factory.Services);

    [Fact]
    public void Every_field_a_publishing_validator_checks_has_a_label()
    {
        var unlabelled = typeof(Cro.Publishing.Features.Practices.PracticeTemplate).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => (IEnumerable<FluentValidation.IValidationRule>)Activator.CreateInstance(t)!)
            .Select(rule => rule.Member)
            .Where(member => member is not null && !Cro.ServiceDefaults.FieldLabels.Has(member))
            .Select(member => $"{member!.DeclaringType?.Name}.{member.Name}").Distinct().ToList();

        Assert.Empty(unlabelled);
    }
}
