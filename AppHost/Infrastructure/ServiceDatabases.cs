namespace Cro.AppHost.Infrastructure;

/// <summary>
/// Gives each service a database of its own: db-setup creates the database with an owner login
/// (migrations) and an application login (rows only); the service gets both connection strings and
/// starts after db-setup has finished.
/// </summary>
public sealed class ServiceDatabases(IDistributedApplicationBuilder builder, Servers servers)
{
    private readonly IResourceBuilder<ProjectResource> _setup = builder.AddProject<Projects.DatabaseSetup>("db-setup")
        .WithReference(servers.Postgres)
        .WaitFor(servers.Postgres);

    public IResourceBuilder<ProjectResource> Add(IResourceBuilder<ProjectResource> service, string database)
    {
        var owner = builder.AddParameter($"{database}-owner-password", servers.Secrets.Get($"{database}-owner"), secret: true);
        var app = builder.AddParameter($"{database}-app-password", servers.Secrets.Get($"{database}-app"), secret: true);
        _setup
            .WithEnvironment($"Databases__{database}__OwnerPassword", owner)
            .WithEnvironment($"Databases__{database}__AppPassword", app);

        return service
            .WithEnvironment($"ConnectionStrings__{database}", ReferenceExpression.Create(
                $"{servers.PostgresAddress};Database={database};Username={database}_app;Password={app.Resource}"))
            .WithEnvironment($"ConnectionStrings__{database}-migrator", ReferenceExpression.Create(
                $"{servers.PostgresAddress};Database={database};Username={database}_owner;Password={owner.Resource}"))
            .WaitForCompletion(_setup);
    }
}
