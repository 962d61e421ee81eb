using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Cro.ServiceDefaults;

/// <summary>
/// The build's OpenAPI document generator (Microsoft.Extensions.ApiDescription.Server, see each service's
/// <c>openapi/</c> folder) runs a service's Program with a server that listens nowhere, waits until the app has
/// started and reads its documents. It has no database and no broker: under it a service migrates, seeds and
/// connects to nothing, and starts no worker.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>Whether this process is the build's document generator rather than the service itself.</summary>
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>What stands for a connection string the generator has none of: nothing ever connects with it.</summary>
    public static string Placeholder(string database) => $"Host=document-generator.invalid;Database={database};Username={database}";

    /// <summary>Under the generator, builds the services without their hosted workers (bus, relays, timers), the web host excepted.</summary>
    internal static void StartNoWorkers(IHostApplicationBuilder builder)
    {
        if (IsGenerating)
        {
            builder.ConfigureContainer(new WithoutWorkers());
        }
    }

    private sealed class WithoutWorkers : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services) => services;

        public IServiceProvider CreateServiceProvider(IServiceCollection services)
        {
            var workers = services.Where(s => s.ServiceType == typeof(IHostedService)
                && s.ImplementationType?.FullName != "Microsoft.AspNetCore.Hosting.GenericWebHostService").ToList();
            foreach (var worker in workers)
            {
                services.Remove(worker);
            }
            return services.BuildServiceProvider();
        }
    }
}
