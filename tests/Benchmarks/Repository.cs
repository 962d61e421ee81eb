namespace Cro.Benchmarks;

/// <summary>Where the repository is: outside a test project WebApplicationFactory does not know where the services' folders are.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
        }
        return folder.FullName;
    }
}
