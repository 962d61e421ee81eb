using Microsoft.Extensions.Logging.Abstractions;

namespace Cro.BuildingBlocks.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Two_services_starting_at_once_apply_each_script_once()
    {
        var database = await TestDatabase.CreateAsync("migrations");
        var appRole = database.Name + "_app";

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, appRole, typeof(MigrationTests).Assembly, NullLogger.Instance))));

        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM migration_runs"));
        var scripts = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();
        Assert.Equal(scripts.Distinct().Count(), scripts.Count);
        Assert.Contains(scripts, s => s.EndsWith("0001_outbox.sql"));
        Assert.Contains(scripts, s => s.EndsWith("0001_test_tables.sql"));
    }

    [Fact]
    public async Task Application_login_writes_rows_but_owns_nothing_and_cannot_change_the_schema()
    {
        var database = await TestDatabase.CreateMigratedAsync("privileges", typeof(MigrationTests).Assembly);
        await using var connection = new NpgsqlConnection(database.AppConnectionString);

        Assert.Equal(1, await connection.ExecuteAsync("INSERT INTO received (key) VALUES (@key)", new { key = Guid.NewGuid() }));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DROP TABLE received"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
