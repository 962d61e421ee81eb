namespace Cro.Tests.Infrastructure;

/// <summary>
/// Where the repository is, for what tests and benchmarks run from it (its scripts; the services' folders,
/// which WebApplicationFactory does not know outside a test project).
/// </summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("Run from inside the repository.");
        }
        return folder.FullName;
    }
}
