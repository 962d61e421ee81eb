namespace Cro.Benchmarks;

/// <summary>
/// A service in-process on a real loopback port (Kestrel), on a fresh database and broker virtual host of the throwaway
/// servers, with the gateway on a port of its own routing /api/{service} to it: the two addresses a burst sends the same
/// load to, through the gateway and straight to the service.
/// </summary>
internal sealed class ServiceBehindGateway<TEntry> : IAsyncDisposable where TEntry : class
{
    private readonly GatewayFactory _gateway;

    private ServiceBehindGateway(ServiceFactory<TEntry> service, Uri direct, GatewayFactory gateway)
    {
        (Service, Direct, _gateway) = (service, direct, gateway);
        ThroughGateway = gateway.CreateClient().BaseAddress!;
    }

    public ServiceFactory<TEntry> Service { get; }

    public Uri Direct { get; }

    public Uri ThroughGateway { get; }

    /// <param name="service">The service's name: its database, its connection strings' names, its gateway route.</param>
    /// <param name="project">Its project folder under services/ (its content root).</param>
    /// <param name="acceptTestTokens">Whether it trusts <see cref="TestTokens"/> (for APIs that need a signed-in caller).</param>
    /// <param name="extra">Settings of the service beyond the common ones (a secret it needs).</param>
    /// <remarks><typeparamref name="TEntry"/>: any type of the service's assembly; it names the entry point, which this project's own Program hides.</remarks>
    public static async Task<ServiceBehindGateway<TEntry>> StartAsync(string service, string project, bool acceptTestTokens,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{project.ToUpperInvariant()}", Path.Combine(Repository.Root, "services", project));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GATEWAY", Path.Combine(Repository.Root, "gateway"));
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        if (acceptTestTokens)
        {
            settings["Identity:Issuer"] = TestTokens.Issuer;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var started = await ServiceFactory<TEntry>.StartAsync(service, onKestrel: true, settings: settings,
            testServices: acceptTestTokens ? services => services.AcceptTestTokens() : null);
        var direct = started.CreateClient().BaseAddress!;
        var gateway = new GatewayFactory(service, direct);
        gateway.UseKestrel(0);
        gateway.StartServer();
        return new ServiceBehindGateway<TEntry>(started, direct, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await Service.DisposeAsync();
    }
}
