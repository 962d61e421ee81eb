using Microsoft.Extensions.Configuration;

namespace Cro.AppHost.Infrastructure;

/// <summary>
/// A run started with <c>Clock:OffsetFile</c> (the end-to-end tests, the simulation, the demo) gives every service that
/// file: they all read the platform's time from it, so moving the clock moves it for the whole platform at once.
/// </summary>
public static class SharedClock
{
    public const string OffsetFileSetting = "Clock:OffsetFile";

    /// <summary>Call last, once every project is added.</summary>
    public static void ShareClockOffsetFile(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration[OffsetFileSetting] is not { Length: > 0 } offsetFile)
        {
            return;
        }
        var path = Path.GetFullPath(offsetFile);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(environment => environment["Clock__OffsetFile"] = path));
        }
    }
}
