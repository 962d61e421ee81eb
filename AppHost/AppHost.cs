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

var recruitment = Service<Projects.Recruitment>("recruitment");
var monitoring = Service<Projects.Monitoring>("monitoring");

var web = builder.AddProject<Projects.Web>("web")
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring)
    .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithExternalHttpEndpoints()
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring).WaitFor(monitoring)
    .WithReference(web).WaitFor(web)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
