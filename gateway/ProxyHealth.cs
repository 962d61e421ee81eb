using OpenTelemetry.Trace;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Cro.Gateway;

/// <summary>
/// How the gateway copes with a service that is down, so a caller gets a 503 at once instead of a hang, and the
/// service is used again by itself once it is back:
/// <list type="bullet">
/// <item>a connection to a service must open within <see cref="ConnectTimeout"/> (a process that is up accepts in
/// milliseconds), and a started request may go <see cref="ActivityTimeout"/> without a byte either way (the slowest
/// legitimate answers, the web's personal data download and exports, take up to 90 s);</item>
/// <item>a service that could not be reached is left out for <see cref="ReactivationPeriod"/> (passive check), so the
/// requests behind it answer 503 at once instead of each trying again;</item>
/// <item>every service's /alive is probed every <see cref="ProbeInterval"/> (active check): one that answers no probe
/// (a port that accepts but nothing behind it answers, as the local run's proxy in front of a stopped process) is left
/// out after two probes in a row go unanswered while none of its requests is answered either (a busy service answers
/// its probes late but its requests still come back: it stays in; <see cref="ProbePolicy"/>) until a probe succeeds,
/// and one that is back is used again within one interval.</item>
/// </list>
/// The probe asks /alive, not the readiness /health: whether a replica is ready (database, broker) is the orchestrator's
/// call and already decides which replicas the service's address reaches; the gateway only spares callers a process
/// that does not answer at all, and keeps serving the reads of a service whose broker is away.
/// </summary>
public static class ProxyHealth
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReactivationPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Connections are replaced this often, so an address that now resolves elsewhere (DNS) is followed.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>What every cluster is given: the timeouts and both health checks.</summary>
    public static ClusterConfig WithHealthChecks(this ClusterConfig cluster) => cluster with
    {
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = ActivityTimeout },
        HealthCheck = new HealthCheckConfig
        {
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = ProbeInterval,
                Timeout = ProbeTimeout,
                Policy = ProbePolicy.PolicyName,
                Path = Cro.ServiceDefaults.HealthChecks.AlivePath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = UnreachableDestinationPolicy.PolicyName,
                ReactivationPeriod = ReactivationPeriod,
            },
        },
    };

    public static IServiceCollection AddProxyHealth(this IServiceCollection services)
    {
        services.AddSingleton<IForwarderHttpClientFactory, ProxyHttpClientFactory>();
        services.AddSingleton<ProbePolicy>();
        services.AddSingleton<IActiveHealthCheckPolicy>(provider => provider.GetRequiredService<ProbePolicy>());
        services.AddSingleton<IPassiveHealthCheckPolicy, UnreachableDestinationPolicy>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new ProbeTraces()));
        return services;
    }

    /// <summary>
    /// Whether the request never reached the service: no destination was available, or no connection opened (refused,
    /// unknown name, not within the connect timeout). Such a request is safe to repeat, whatever its method.
    /// </summary>
    public static bool NeverReachedService(IForwarderErrorFeature error) => error.Error switch
    {
        ForwarderError.NoAvailableDestinations => true,
        ForwarderError.Request or ForwarderError.RequestTimedOut => error.Exception is { } e && IsNoConnection(e),
        _ => false,
    };

    /// <summary>Whether a call failed because no connection opened: refused, unknown name, or not within the connect timeout.</summary>
    public static bool IsNoConnection(Exception exception) => Causes(exception).Any(e =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        // SocketsHttpHandler reports its ConnectTimeout as a cancellation caused by a TimeoutException; the activity
        // timeout of a request in progress, or a probe's timeout, is a cancellation without one.
        || (e is TimeoutException && exception is OperationCanceledException));

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

/// <summary>YARP's own client (no proxy, cookies, redirects or decompression; pooled connections) with the gateway's timeouts.</summary>
internal sealed class ProxyHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = ProxyHealth.ConnectTimeout;
        handler.PooledConnectionLifetime = ProxyHealth.PooledConnectionLifetime;
    }
}

/// <summary>
/// Leaves a destination out for the reactivation period as soon as one request could not reach it (YARP's default policy
/// waits for a failure rate over many requests, which with one destination per service means many hung or failed requests).
/// A request that reached the service and failed there (a 500, a slow answer) does not count: the service is up.
/// </summary>
internal sealed class UnreachableDestinationPolicy(IDestinationHealthUpdater health, ProbePolicy probes) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "UnreachableDestination";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null)
        {
            probes.Answered(destination);
        }
        else if (ProxyHealth.NeverReachedService(error) && !context.RequestAborted.IsCancellationRequested)
        {
            var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? ProxyHealth.ReactivationPeriod;
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
        }
    }
}
