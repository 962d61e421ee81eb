using Cro.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

builder.RestartCrashedResources();
var servers = builder.AddServers();
var databases = new ServiceDatabases(builder, servers);

// Everyone reaches the platform through the gateway: its address is the tokens' issuer and the base of every link.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
var publicUrl = gateway.GetEndpoint("http");
var issuer = ReferenceExpression.Create($"{publicUrl}/");
var webClientSecret = builder.AddParameter("web-client-secret", servers.Secrets.Get("web-client"), secret: true);

// Every exchange, queue and binding of every service, declared before any service starts: services then start in
// any order, and an event published before its consumer runs waits in the consumer's queue.
var brokerSetup = builder.AddProject<Projects.BrokerSetup>("broker-setup")
    .WithReference(servers.RabbitMq)
    .WaitFor(servers.RabbitMq);

IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    databases.Add(builder.AddProject<TProject>(name), name)
        .WithReference(servers.RabbitMq)
        .WaitForCompletion(brokerSetup)
        .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
        .WithHttpHealthCheck("/health");

var identity = Service<Projects.Identity>("identity")
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__WebClient__BaseUrl", publicUrl)
    .WithEnvironment("Identity__WebClient__Secret", webClientSecret)
    .WithEnvironment("Identity__Bootstrap__AdminEmail", builder.Configuration["Identity:AdminEmail"])
    .WithEnvironment("Identity__Bootstrap__AdminPassword", builder.AddParameter("admin-password", servers.Secrets.Get("admin"), secret: true))
    .WithEnvironment("Identity__AccessTokenLifetime", builder.Configuration["Identity:AccessTokenLifetime"] ?? "00:10:00");

IResourceBuilder<ProjectResource> Api<TProject>(string name) where TProject : IProjectMetadata, new() =>
    Service<TProject>(name).WithReference(identity).WithEnvironment("Identity__Issuer", issuer);

var recruitment = Api<Projects.Recruitment>("recruitment");
// Monitoring issues school directors' diagnosis links, publishing conference participants' links, and notifications mails
// them: each derives a link's token from its id with this secret, so the token is stored nowhere but in the mail.
var schoolLinkSecret = builder.AddParameter("school-link-secret", servers.Secrets.Get("school-links"), secret: true);
var monitoring = Api<Projects.Monitoring>("monitoring").WithEnvironment("SchoolLinks__Secret", schoolLinkSecret);
// Monitoring shows ORE the messages that failed after their retries (the _error queues) and replays them: it reads the
// broker's management API, and its gauge cro.messaging.dead_letters puts their count on the dashboard.
if (servers.RabbitMqManagement is { } rabbitMqManagement)
{
    monitoring.WithEnvironment("ConnectionStrings__rabbitmq-management", rabbitMqManagement);
}
var training = Api<Projects.Training>("training");
var advisory = Api<Projects.Advisory>("advisory");
var publishing = Api<Projects.Publishing>("publishing").WithEnvironment("SchoolLinks__Secret", schoolLinkSecret);
var evaluation = Api<Projects.Evaluation>("evaluation").WithEnvironment("SchoolLinks__Secret", schoolLinkSecret);

// Notifications validates tokens for its API (WithReference, which does not wait: identity waits for it below).
var notifications = Api<Projects.Notifications>("notifications")
    .WithEnvironment("ConnectionStrings__smtp", builder.AddMailServer())
    .WithEnvironment("SchoolLinks__Secret", schoolLinkSecret)
    .WithEnvironment("Mail__From", builder.Configuration["Mail:From"])
    .WithEnvironment("Contact__Email", builder.Configuration["Contact:Email"])
    .WithEnvironment("Contact__Phone", builder.Configuration["Contact:Phone"])
    // A local run's partner receives webhooks on this machine (in production only public https addresses).
    .WithEnvironment("Webhooks__AllowLoopback", "true");

// The web's database holds only its Data Protection key ring, shared by its replicas.
var web = databases.Add(builder.AddProject<Projects.Web>("web"), "web")
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__WebClient__Secret", webClientSecret)
    // The programme's helpdesk, shown in the footer (and in mails, by notifications).
    .WithEnvironment("Contact__Email", builder.Configuration["Contact:Email"])
    .WithEnvironment("Contact__Phone", builder.Configuration["Contact:Phone"])
    .WithReference(identity)
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring)
    .WithReference(training)
    .WithReference(advisory)
    .WithReference(publishing)
    .WithReference(evaluation)
    .WithReference(notifications)
    .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
    .WithHttpHealthCheck("/health");

gateway
    .WithReference(identity).WaitFor(identity)
    .WithReference(recruitment).WaitFor(recruitment)
    .WithReference(monitoring).WaitFor(monitoring)
    .WithReference(training).WaitFor(training)
    .WithReference(advisory).WaitFor(advisory)
    .WithReference(publishing).WaitFor(publishing)
    .WithReference(evaluation).WaitFor(evaluation)
    .WithReference(notifications).WaitFor(notifications)
    .WithReference(web).WaitFor(web);

// A local run puts twelve .NET processes on one (often small) machine. Server GC, the ASP.NET Core default that the
// containers keep (a pod has its CPUs and memory limit to itself), gives each process heaps and GC threads per core
// and grows them for throughput; here workstation, non-concurrent GC keeps each heap small and collects on the
// allocating thread. Tiered PGO's instrumented code is dropped too: it pays off in long-running hot loops, not in
// a development run. With run.sh's launcher (no `dotnet run` process beside each service) the measured effect is in
// the README ("Running locally").
// LocalRun:ServerGc=true (or LocalRun__ServerGc=true) keeps the defaults, e.g. to compare.
foreach (var project in builder.Resources.OfType<ProjectResource>().Where(_ => !builder.Configuration.GetValue("LocalRun:ServerGc", false)))
{
    project.Annotations.Add(new EnvironmentCallbackAnnotation(environment =>
    {
        environment["DOTNET_gcServer"] = "0";
        environment["DOTNET_gcConcurrent"] = "0";
        environment["DOTNET_TieredPGO"] = "0";
    }));
}

builder.ShareClockOffsetFile();
builder.Build().Run();
