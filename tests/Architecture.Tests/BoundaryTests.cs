using Cro.Contracts;
using MassTransit;
using NetArchTest.Rules;

namespace Cro.Architecture.Tests;

/// <summary>
/// The boundaries DESIGN.md draws, checked on the compiled code so that a change that crosses one fails the build's
/// tests instead of waiting for a reviewer: services do not use each other, events live in Contracts, the web does
/// not carry the broker.
/// </summary>
public sealed class BoundaryTests
{
    public static TheoryData<string> Services => [.. Platform.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_references_no_other_services_project(string service)
    {
        var forbidden = Platform.ProjectReferences(service).Except(Platform.SharedProjects).ToList();

        Assert.True(forbidden.Count == 0, $"{service} references {string.Join(", ", forbidden)}: data another service needs travels as an event.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_services_code_uses_no_other_services_code(string service)
    {
        var others = Platform.Services.Where(other => other != service).Select(Platform.Namespace).ToArray();

        var result = Types.InAssembly(Platform.Assembly(service)).ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, $"{service} uses {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Integration_events_are_declared_in_Contracts_only(string service)
    {
        var declaredHere = Types.InAssembly(Platform.Assembly(service)).That().ImplementInterface(typeof(IIntegrationEvent)).GetTypes();

        Assert.Empty(declaredHere.Select(type => type.FullName));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Consumers_consume_events_of_Contracts(string service)
    {
        // MassTransit matches messages by full type name: a copy of an event elsewhere would never be delivered.
        var consumed = Platform.Assembly(service).GetTypes()
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .Where(message => !message.IsGenericParameter)
            .Distinct()
            .ToList();

        Assert.All(consumed, message => Assert.Equal(typeof(IIntegrationEvent).Assembly, message.Assembly));
    }

    [Fact]
    public void The_web_carries_no_messaging()
    {
        var web = Platform.Assembly("Web");

        var result = Types.InAssembly(web).ShouldNot().HaveDependencyOnAny("MassTransit", "Cro.BuildingBlocks.Messaging").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain("BuildingBlocks.Messaging", Platform.ProjectReferences("Web"));
    }
}
