using DbUp;
using DbUp.Engine;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// Applies the embedded SQL scripts (<c>Data/Migrations/*.sql</c>) of the building blocks the service uses
/// (BuildingBlocks.Messaging's outbox and inbox tables, for a service that publishes or consumes), then of the
/// service, as the owner login. A PostgreSQL advisory lock makes replicas that start together
/// migrate one after the other, so each script runs once.
/// </summary>
public static class DatabaseMigrator
{
    private const long MigrationLockKey = 0x43_52_4F_4D_49_47; // "CROMIG"

    public static async Task MigrateAsync(string ownerConnectionString, string appRole, Assembly serviceAssembly,
        ILogger logger, CancellationToken ct = default)
    {
        await using var lockConnection = new NpgsqlConnection(ownerConnectionString);
        await lockConnection.OpenAsync(ct);
        await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: ct));
        try
        {
            // Tables the owner creates from now on are readable and writable by the application login;
            // a script that wants less (an append-only log) revokes it explicitly.
            var role = "\"" + appRole.Replace("\"", "\"\"") + "\"";
            await lockConnection.ExecuteAsync($"""
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
                """);

            var upgrader = BuildingBlocksOf(serviceAssembly)
                .Aggregate(DeployChanges.To.PostgresqlDatabase(ownerConnectionString), (scripts, buildingBlock) =>
                    scripts.WithScriptsEmbeddedInAssembly(buildingBlock, IsMigration, new SqlScriptOptions { RunGroupOrder = 0 }))
                .WithScriptsEmbeddedInAssembly(serviceAssembly, IsMigration, new SqlScriptOptions { RunGroupOrder = 1 })
                .WithVariable("app_role", appRole)
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
            }
            foreach (var script in result.Scripts)
            {
                logger.LogInformation("Applied migration {Script}", script.Name);
            }
        }
        finally
        {
            await lockConnection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    /// <summary>The BuildingBlocks.* assemblies the service's code uses (the compiler keeps only references it uses).</summary>
    private static IEnumerable<Assembly> BuildingBlocksOf(Assembly serviceAssembly) => serviceAssembly.GetReferencedAssemblies()
        .Where(name => name.Name?.StartsWith("BuildingBlocks.", StringComparison.Ordinal) == true)
        .Select(Assembly.Load);

    private static bool IsMigration(string resourceName) =>
        resourceName.Contains(".Data.Migrations.", StringComparison.Ordinal) && resourceName.EndsWith(".sql", StringComparison.Ordinal);
}
