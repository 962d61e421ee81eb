using System.Xml.Linq;

namespace Cro.Deployment.Tests;

/// <summary>What the repository builds for deployment, read from its project files (no MSBuild run: fast, offline).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("Run from inside the repository.");
        }
        return folder.FullName;
    }

    public static string ContainersTargets => Path.Combine(Root, "deploy", "containers.targets");

    /// <summary>A project that publishes a container image: it imports deploy/containers.targets.</summary>
    public sealed record Deployable(string Project, string? ContainerRepository, string? Description, bool ImportsContainersTargets);

    /// <summary>Every project of the solution's source folders that sets a ContainerRepository or imports containers.targets.</summary>
    public static IReadOnlyList<Deployable> Deployables { get; } = FindDeployables();

    private static List<Deployable> FindDeployables() =>
        new[] { "services", "gateway" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path =>
            {
                var project = XDocument.Load(path);
                var imports = project.Descendants("Import").Any(import =>
                    Path.GetFileName(import.Attribute("Project")!.Value.Replace('\\', '/')) == "containers.targets");
                return new Deployable(Path.GetRelativePath(Root, path), Property(project, "ContainerRepository"), Property(project, "Description"), imports);
            })
            .Where(deployable => deployable.ImportsContainersTargets || deployable.ContainerRepository is not null)
            .OrderBy(deployable => deployable.Project, StringComparer.Ordinal)
            .ToList();

    /// <summary>A property as a project file sets it (the last unconditional assignment).</summary>
    public static string? Property(XDocument project, string name) =>
        project.Descendants(name).LastOrDefault(element => element.Parent?.Name == "PropertyGroup")?.Value.Trim();

    /// <summary>A property's value in deploy/containers.targets (its conditional default).</summary>
    public static string ContainersProperty(string name) =>
        Property(XDocument.Load(ContainersTargets), name) ?? throw new InvalidOperationException($"containers.targets sets no {name}.");

    /// <summary>Full image names (registry/repository) the repository builds.</summary>
    public static IReadOnlySet<string> BuiltImages { get; } =
        Deployables.Where(deployable => deployable.ContainerRepository is not null)
            .Select(deployable => $"{ContainersProperty("ContainerRegistry")}/{deployable.ContainerRepository}")
            .ToHashSet();

    /// <summary>The release's version, which the images are tagged with (Directory.Build.props' VersionPrefix).</summary>
    public static string Version { get; } =
        Property(XDocument.Load(Path.Combine(Root, "Directory.Build.props")), "VersionPrefix")
        ?? throw new InvalidOperationException("Directory.Build.props sets no VersionPrefix.");
}
