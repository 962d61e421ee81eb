using Microsoft.AspNetCore.HttpOverrides;
using Cro.Gateway;
using Cro.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy().AddCroRoutes();
builder.Services.AddProxyHealth();
builder.Services.AddSignInRateLimit(builder.Configuration);
// The client's address comes from the ingress in front of the gateway (X-Forwarded-For).
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
// Uploads (materials, imports) are the largest requests; anything larger is refused with 413.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestSizeLimit.MaxBodyBytes(builder.Configuration));

var app = builder.Build();
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseCorrelationId();
app.UseServiceDefaults();
app.UseRequestSizeLimit();
app.UseRateLimiter();
app.MapApiReference();
app.MapReverseProxy(proxy =>
{
    // YARP's default pipeline (affinity, load balancing, passive health checks), with the answers for a service that is down around it.
    proxy.UseProxyErrors();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();

/// <summary>Entry point, visible to tests and benchmarks.</summary>
public partial class Program;
