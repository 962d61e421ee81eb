using System.Reflection;
using System.Xml.Linq;
using Cro.Tests.Infrastructure;

namespace Cro.Architecture.Tests;

/// <summary>The platform's parts as the architecture tests see them: the services, their projects and their code.</summary>
internal static class Platform
{
    /// <summary>Every service (and the web), by project name; each is its own deployable with its own database.</summary>
    public static readonly string[] Services = ["Identity", "Recruitment", "Training", "Advisory", "Monitoring", "Publishing", "Evaluation", "Notifications", "Web"];

    /// <summary>What any service may reference: the shared projects, never another service.</summary>
    public static readonly string[] SharedProjects =
        ["Contracts", "ServiceDefaults", "BuildingBlocks.Persistence", "BuildingBlocks.Messaging", "BuildingBlocks.Exports",
            "BuildingBlocks.Calendar", "BuildingBlocks.Markdown"];

    /// <summary>By name: every service's entry point is a class called Program, so their types cannot be named here.</summary>
    public static Assembly Assembly(string service) => System.Reflection.Assembly.Load(service);

    /// <summary>The root namespace of a service's code (Cro.Training, …).</summary>
    public static string Namespace(string service) => $"Cro.{service}";

    public static IEnumerable<string> ProjectReferences(string service)
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "services", service, $"{service}.csproj"));
        return project.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));
    }
}
