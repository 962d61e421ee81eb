using Microsoft.Extensions.Configuration;
using Cro.ServiceDefaults;

namespace Cro.BuildingBlocks.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers the service's <see cref="NpgsqlDataSource"/> (application login, from
    /// <c>ConnectionStrings:{database}</c>) and its readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder, string database)
    {
        var connectionString = builder.Configuration.GetConnectionString(database)
            ?? (BuildTimeDocument.IsGenerating ? BuildTimeDocument.Placeholder(database) : null)
            ?? throw new InvalidOperationException($"ConnectionStrings:{database} is not configured.");

        DapperConventions.Apply();
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = database }.Build());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"{database}-database");
        return builder;
    }

    /// <summary>
    /// Migrates the database as the owner login (<c>ConnectionStrings:{database}-migrator</c>) before the
    /// application is built, so start-up code may read its tables. Without that setting the process
    /// assumes a deployment job migrates it.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IHostApplicationBuilder builder, string database)
    {
        var ownerConnectionString = builder.Configuration.GetConnectionString($"{database}-migrator");
        if (string.IsNullOrEmpty(ownerConnectionString) || BuildTimeDocument.IsGenerating)
        {
            return;
        }
        var appRole = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString(database)).Username
            ?? throw new InvalidOperationException($"ConnectionStrings:{database} names no user.");
        using var logging = LoggerFactory.Create(logs => logs.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        await DatabaseMigrator.MigrateAsync(ownerConnectionString, appRole, Assembly.Load(builder.Environment.ApplicationName),
            logging.CreateLogger(typeof(DatabaseMigrator)));
    }
}
