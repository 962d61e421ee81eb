using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Http.Resilience;

namespace Cro.ServiceDefaults;

/// <summary>What every CRO process shares: telemetry, health, discovery, resilience, errors, languages.</summary>
public static class ServiceDefaultsExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("pl"), new("en")];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureTelemetry();
        builder.AddDefaultHealthChecks();
        BuildTimeDocument.StartNoWorkers(builder);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries only for requests that are safe to repeat: a retried POST could invite twice or
            // create a second API client.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        // No "Server: Kestrel": what runs behind the site is nobody's business (the gateway strips it too).
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        // One clock for every service: the platform clock of a test run or the demo, else the system's; tests may replace it.
        builder.AddPlatformClock();
        builder.Services.AddCroProblemDetails();
        // A database that is restarting answers 503 with Retry-After, not a 500.
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        // Malformed parameters (limit=abc) answer 400 ProblemDetails in every environment, never an exception page.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        // A number in a JSON body is a JSON number: the web defaults would also read "5" as 5, and the OpenAPI
        // documents would then declare every integer as a number-or-string.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        // Field errors are keyed as the JSON and query names clients send (camelCase).
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        // Messages name a field as the form labels it, in the reader's language ("Pole 'Imię i nazwisko'…"),
        // resolved per message, so one validator instance answers in Polish and in English.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => FieldLabels.For(member);
        // Pages show Polish letters as themselves, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("pl");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
        });
        return builder;
    }

    /// <summary>Middleware every web process runs first, then /health and /alive.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.MapDefaultEndpoints();
        return app;
    }
}
