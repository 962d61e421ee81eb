using Cro.ServiceDefaults.Security;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// The JST policy as JstRowSecurity documents it, on a table the owner created, read and written by the
/// application login (not a superuser, not the owner) as a service does.
/// </summary>
public sealed class JstRowSecurityTests(JstRowSecurityTests.Plans plans) : IClassFixture<JstRowSecurityTests.Plans>
{
    private const string JstA = "2261011";
    private const string JstB = "1465011";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One database for the class: a table of plans of two JST under the documented policy.</summary>
    public sealed class Plans : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("jst_rls");
            await using var owner = new NpgsqlConnection(Database.OwnerConnectionString);
            await owner.ExecuteAsync($"""
                CREATE TABLE plans (
                    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                    jst_terc text NOT NULL,
                    title    text NOT NULL
                );
                GRANT SELECT, INSERT, UPDATE, DELETE ON plans TO {Database.Name}_app;
                ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
                CREATE POLICY jst_isolation ON plans
                    USING (current_setting('cro.jst_all', true) = 'on'
                           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
                    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
                           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
                -- The owner is not bound by the policy: it seeds both JST.
                INSERT INTO plans (jst_terc, title) VALUES ('{JstA}', 'A1'), ('{JstA}', 'A2'), ('{JstB}', 'B1');
                """);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task<List<string>> TitlesAsync(NpgsqlConnection connection, JstScope? scope)
    {
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        if (scope is not null)
        {
            await transaction.SetJstScopeAsync(scope, Ct);
        }
        var titles = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT title FROM plans ORDER BY title", transaction: transaction, cancellationToken: Ct))).AsList();
        await transaction.CommitAsync(Ct);
        return titles;
    }

    private async Task<NpgsqlConnection> OpenAppConnectionAsync()
    {
        var connection = new NpgsqlConnection(plans.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task Scope_of_one_JST_sees_only_that_JSTs_rows()
    {
        await using var connection = await OpenAppConnectionAsync();

        Assert.Equal(["A1", "A2"], await TitlesAsync(connection, JstScope.Of([JstA])));
        Assert.Equal(["B1"], await TitlesAsync(connection, JstScope.Of([JstB])));
        Assert.Equal(["A1", "A2", "B1"], await TitlesAsync(connection, JstScope.Of([JstA, JstB])));
    }

    [Fact]
    public async Task Operator_sees_every_JST()
    {
        await using var connection = await OpenAppConnectionAsync();
        var scope = JstScope.For(JstScopeTests.Person((CroClaims.Role, Roles.Operator)));

        Assert.Equal(["A1", "A2", "B1"], await TitlesAsync(connection, scope));
    }

    [Fact]
    public async Task Transaction_that_never_set_a_scope_or_an_empty_one_sees_nothing()
    {
        await using var connection = await OpenAppConnectionAsync();

        Assert.Empty(await TitlesAsync(connection, scope: null));
        Assert.Empty(await TitlesAsync(connection, JstScope.None));
        Assert.Empty(await connection.QueryAsync<string>(new CommandDefinition("SELECT title FROM plans", cancellationToken: Ct)));
    }

    [Fact]
    public async Task Writing_a_row_of_another_JST_is_refused_and_changing_one_is_a_no_op()
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await transaction.SetJstScopeAsync(JstScope.Of([JstA]), Ct);

        // The app login may insert (its own JST's row goes in); the policy, not a missing grant, refuses B's.
        Assert.Equal(1, await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO plans (jst_terc, title) VALUES (@terc, 'A3')", new { terc = JstA }, transaction, cancellationToken: Ct)));
        // A failed statement aborts the transaction; a savepoint lets the test go on in it.
        await transaction.SaveAsync("attempt", Ct);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO plans (jst_terc, title) VALUES (@terc, 'B2')", new { terc = JstB }, transaction, cancellationToken: Ct)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("row-level security", refused.MessageText);
        await transaction.RollbackAsync("attempt", Ct);

        // Moving A's row to B fails the check too; B's rows are out of reach for update and delete.
        await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plans SET jst_terc = @terc WHERE title = 'A1'", new { terc = JstB }, transaction, cancellationToken: Ct)));
        await transaction.RollbackAsync("attempt", Ct);
        Assert.Equal(0, await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plans SET title = 'B1!' WHERE jst_terc = @terc", new { terc = JstB }, transaction, cancellationToken: Ct)));
        Assert.Equal(0, await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plans WHERE jst_terc = @terc", new { terc = JstB }, transaction, cancellationToken: Ct)));
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task Scope_ends_with_its_transaction_and_never_reaches_the_next_one_on_the_same_pooled_connection()
    {
        // One physical connection, handed back without the pool's reset, so only the transaction-local
        // setting can be what keeps the next caller from inheriting the scope.
        var connectionString = new NpgsqlConnectionStringBuilder(plans.Database.AppConnectionString)
        {
            MaxPoolSize = 1,
            NoResetOnClose = true,
        }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        int firstBackend;
        await using (var first = await dataSource.OpenConnectionAsync(Ct))
        {
            firstBackend = await first.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
            Assert.Equal(["A1", "A2", "B1"], await TitlesAsync(first, JstScope.All));
            // Same connection, next transaction.
            Assert.Empty(await TitlesAsync(first, scope: null));
        }

        await using (var second = await dataSource.OpenConnectionAsync(Ct))
        {
            Assert.Equal(firstBackend, await second.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
            Assert.Equal(["A1", "A2"], await TitlesAsync(second, JstScope.Of([JstA])));
        }

        await using var third = await dataSource.OpenConnectionAsync(Ct);
        Assert.Equal(firstBackend, await third.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
        Assert.Empty(await TitlesAsync(third, scope: null));
        Assert.Empty(await third.QueryAsync<string>(new CommandDefinition("SELECT title FROM plans", cancellationToken: Ct)));
    }

    [Fact]
    public async Task A_session_changes_its_scope_for_the_rest_of_its_transaction_and_nothing_it_wrote_is_lost()
    {
        await using var dataSource = NpgsqlDataSource.Create(plans.Database.AppConnectionString);
        await using var session = await DataSession.OpenAsync(dataSource, JstScope.All, Ct);
        async Task<List<string>> Titles() => (await session.QueryAsync<string>("SELECT title FROM plans ORDER BY title")).AsList();

        Assert.Equal(["A1", "A2", "B1"], await Titles());
        await session.ChangeScopeAsync(JstScope.Of([JstA]));
        Assert.Equal(JstScope.Of([JstA]).Tercs, session.Scope.Tercs);
        Assert.False(session.Scope.IncludesAll);
        Assert.Equal(["A1", "A2"], await Titles());
        Assert.Equal(1, await session.ExecuteAsync("INSERT INTO plans (jst_terc, title) VALUES (@terc, 'A3')", new { terc = JstA }));

        // Wider again: another JST's rows, and the row written under the narrower scope, in the same transaction.
        await session.ChangeScopeAsync(JstScope.All);
        Assert.True(session.Scope.IncludesAll);
        Assert.Equal(["A1", "A2", "A3", "B1"], await Titles());
        // Not committed: the row is gone with the session.
    }
}
