using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cro.ServiceDefaults;

public static class Telemetry
{
    /// <summary>Sources every service listens to besides ASP.NET Core and HttpClient.</summary>
    private static readonly string[] SharedSources = ["Npgsql", "MassTransit", "Yarp.ReverseProxy", "cro.*"];

    public static TBuilder ConfigureTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SharedSources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(SharedSources)
                .AddAspNetCoreInstrumentation(options =>
                    // Probes would drown the traces an operator looks for.
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthChecks.HealthPath)
                                                && !context.Request.Path.StartsWithSegments(HealthChecks.AlivePath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }
}
