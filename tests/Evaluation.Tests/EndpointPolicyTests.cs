using FluentValidation;

namespace Cro.Evaluation.Tests;

public sealed class EndpointPolicyTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public() =>
        EndpointPolicies.AssertAllExplicit(service.Factory.Services);

    [Fact]
    public void Every_field_an_evaluation_validator_checks_has_a_label()
    {
        var unlabelled = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => (IEnumerable<FluentValidation.IValidationRule>)Activator.CreateInstance(t)!)
            .Select(rule => rule.Member)
            .Where(member => member is not null && !Cro.ServiceDefaults.FieldLabels.Has(member))
            .Select(member => $"{member!.DeclaringType?.Name}.{member.Name}").Distinct().ToList();

        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task Knows_the_JST_recruitment_registers()
    {
        await service.RegisterJstAsync("0201011", "Bolesławiec", "urban-municipality");
    }
}
