using Microsoft.Extensions.Configuration;
using Cro.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var servers = builder.AddServers();
var databases = new ServiceDatabases(builder, servers);

IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    databases.Add(builder.AddProject<TProject>(name), name)
        .WithReference(servers.RabbitMq)
        .WaitFor(servers.RabbitMq)
        .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
        .WithHttpHealthCheck("/health");

// Everyone reaches the platform through the gateway, so its address is the tokens' issuer.
var publicUrl = $"http://localhost:{builder.Configuration.GetValue("Gateway:Port", 5080)}";
var issuer = publicUrl + "/";
var webClientSecret = builder.AddParameter("web-client-secret", servers.Secrets.Get("web-client"), secret: true);

var identity = Service<Projects.Identity>("identity")
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__WebClient__BaseUrl", publicUrl)
    .WithEnvironment("Identity__WebClient__Secret", webClientSecret)
    .WithEnvironment("Identity__Bootstrap__AdminEmail", builder.Configuration["Identity:AdminEmail"])
    .WithEnvironment("Identity__Bootstrap__AdminPassword", builder.AddParameter("admin-password", servers.Secrets.Get("admin"), secret: true));

IResourceBuilder<ProjectResource> Api<TProject>(string name) where TProject : IProjectMetadata, new() =>
    Service<TProject>(name).WithReference(identity).WithEnvironment("Identity__Issuer", issuer);

var recruitment = Api<Projects.Recruitment>("recruitment");
var monitoring = Api<Projects.Monitoring>("monitoring");

var web = builder.AddProject<Projects.Web>("web")
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__WebClient__Secret", webClientSecret)
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring)
    .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithExternalHttpEndpoints()
    .WithReference(identity).WaitFor(identity)
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring).WaitFor(monitoring)
    .WithReference(web).WaitFor(web)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
