using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

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
            ?? throw new InvalidOperationException($"ConnectionStrings:{database} is not configured.");

        DapperConventions.Apply();
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = database }.Build());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"{database}-database");
        return builder;
    }

    /// <summary>
    /// Migrates the database as the owner login (<c>ConnectionStrings:{database}-migrator</c>) before the
    /// application starts. Without that setting the process assumes a deployment job migrates it.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, string database)
    {
        var ownerConnectionString = app.Configuration.GetConnectionString($"{database}-migrator");
        if (string.IsNullOrEmpty(ownerConnectionString))
        {
            return;
        }
        var appRole = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString(database)).Username
            ?? throw new InvalidOperationException($"ConnectionStrings:{database} names no user.");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        await DatabaseMigrator.MigrateAsync(ownerConnectionString, appRole, Assembly.Load(app.Environment.ApplicationName), logger, app.Lifetime.ApplicationStopping);
    }
}
