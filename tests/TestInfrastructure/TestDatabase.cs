using System.Reflection;
using Cro.BuildingBlocks.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// A fresh database of its own for one test or fixture, with the owner and application logins a
/// service has in production, so tests see the same privileges.
/// </summary>
public sealed record TestDatabase(string Name, string AppConnectionString, string OwnerConnectionString)
{
    public static async Task<TestDatabase> CreateAsync(string purpose) => await CreateAsync(purpose, await TestServers.PostgresAdminAsync());

    /// <summary>A fresh database on the server <paramref name="admin"/> (a superuser connection string) names, e.g. a <see cref="ControlledServer"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, string admin)
    {
        DapperConventions.Apply();
        var name = $"t_{purpose}_{Guid.NewGuid():N}"[..30];
        var logins = new DatabaseLogins(name, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await DatabaseProvisioner.EnsureAsync(admin, logins);
        return new TestDatabase(name, logins.AppConnectionString(admin), logins.OwnerConnectionString(admin));
    }

    /// <summary>A fresh database with the building blocks' and <paramref name="serviceAssembly"/>'s migrations applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string purpose, Assembly serviceAssembly)
    {
        var database = await CreateAsync(purpose);
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.Name + "_app", serviceAssembly, NullLogger.Instance);
        return database;
    }
}
