using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Cro.Architecture.Tests;

/// <summary>
/// Inside a service, the feature areas (<c>Features/&lt;Area&gt;</c>, namespace <c>Cro.&lt;Service&gt;.Features.&lt;Area&gt;</c>) depend on
/// one another one way only: what two areas both need lives in one of them (or in a third both use), so an area can be
/// read, changed and tested knowing only the areas beneath it, and no change ripples back up.
/// </summary>
public sealed class FeatureAreaTests
{
    public static TheoryData<string> Services => [.. Platform.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public void No_two_feature_areas_depend_on_each_other(string service)
    {
        var assembly = Platform.Assembly(service);
        var root = $"{Platform.Namespace(service)}.Features.";
        var areas = FeatureAreas(assembly, root);

        var cycles = (from a in areas
                      from b in areas
                      where string.CompareOrdinal(a, b) < 0
                      let forth = Users(assembly, root + a, root + b)
                      where forth.Count > 0
                      let back = Users(assembly, root + b, root + a)
                      where back.Count > 0
                      select $"{a} ↔ {b}: {string.Join(", ", forth)} use {b}; {string.Join(", ", back)} use {a}").ToList();

        Assert.True(cycles.Count == 0, $"Feature areas of {service} that depend on each other:\n{string.Join("\n", cycles)}");
    }

    /// <summary>The areas (<c>&lt;Area&gt;</c> of the namespaces <paramref name="root"/>&lt;Area&gt;…) the service's types live in.</summary>
    private static List<string> FeatureAreas(Assembly assembly, string root) =>
        [.. assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith(root, StringComparison.Ordinal))
            .Select(name => name[root.Length..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The types of <paramref name="area"/> (and the areas inside it) that use something of <paramref name="other"/>.</summary>
    private static List<string> Users(Assembly assembly, string area, string other) =>
        [.. Types.InAssembly(assembly)
            .That().ResideInNamespaceMatching($"^{Regex.Escape(area)}(\\.|$)")
            .And().HaveDependencyOn(other)
            .GetTypes()
            .Select(type => type.FullName ?? type.Name)
            .Order(StringComparer.Ordinal)];
}
