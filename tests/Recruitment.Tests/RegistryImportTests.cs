using Cro.Recruitment.Features.Registry;

namespace Cro.Recruitment.Tests;

public sealed class RegistryImportTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private async Task<(int Units, int Events)> CountAsync()
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM jst"),
            await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.JstRegistered,%'"));
    }

    [Fact]
    public async Task First_start_imports_every_unit_and_announces_each_once()
    {
        var (units, events) = await CountAsync();

        Assert.Equal(2807, units);
        Assert.Equal(2807, events);
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_announces_nothing()
    {
        var dataSource = new NpgsqlDataSourceBuilder(service.Factory.Database.AppConnectionString).Build();

        var added = await ImportRegistry.ImportAsync(dataSource, TercRegister.ReadEmbedded(), TestContext.Current.CancellationToken);

        Assert.Equal(0, added);
        Assert.Equal((2807, 2807), await CountAsync());
    }

    [Fact]
    public async Task Replicas_importing_at_once_insert_and_announce_each_unit_once()
    {
        var database = await TestDatabase.CreateMigratedAsync("import", typeof(Program).Assembly);
        var dataSource = new NpgsqlDataSourceBuilder(database.AppConnectionString).Build();
        var units = TercRegister.ReadEmbedded();

        var added = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => ImportRegistry.ImportAsync(dataSource, units, TestContext.Current.CancellationToken))));

        Assert.Equal(2807, added.Sum());
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        Assert.Equal(2807, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages"));
    }
}
