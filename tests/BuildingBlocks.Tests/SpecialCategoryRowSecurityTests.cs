using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// The special-category policy as SpecialCategoryRowSecurity documents it, on a table the owner created, read and written by the
/// application login: rows only for a transaction that holds the ESF+ data role's setting (which the data session sets for that
/// role alone), and a person's own answers added without being readable.
/// </summary>
public sealed class SpecialCategoryRowSecurityTests(SpecialCategoryRowSecurityTests.Answers answers) : IClassFixture<SpecialCategoryRowSecurityTests.Answers>
{
    private static readonly Guid Subject = Guid.Parse("0193f1a0-0000-7000-8000-000000000001");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Answers : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("special_rls");
            await using var owner = new NpgsqlConnection(Database.OwnerConnectionString);
            await owner.ExecuteAsync($"""
                CREATE TABLE answers (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), member_id uuid NOT NULL, disability text NOT NULL);
                GRANT SELECT, INSERT ON answers TO {Database.Name}_app;
                ALTER TABLE answers ENABLE ROW LEVEL SECURITY;
                CREATE POLICY special_categories ON answers
                    USING (current_setting('cro.special_categories', true) = 'on')
                    WITH CHECK (current_setting('cro.special_categories', true) = 'on');
                CREATE POLICY special_categories_own_answers ON answers FOR INSERT
                    WITH CHECK (member_id::text = current_setting('cro.special_categories_subject', true));
                INSERT INTO answers (member_id, disability) VALUES (gen_random_uuid(), 'yes');
                """);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static Task<long> CountAsync(DataSession session) => session.ExecuteScalarAsync<long>("SELECT count(*) FROM answers");

    /// <summary>A session as an endpoint gets it for a caller with <paramref name="roles"/>.</summary>
    private async Task<DataSession> BoundAsync(NpgsqlDataSource db, params string[] roles)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(db).BuildServiceProvider(),
            User = JstScopeTests.Person([.. roles.Select(r => (CroClaims.Role, r))]),
        };
        var parameter = typeof(SpecialCategoryRowSecurityTests).GetMethod(nameof(Handler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetParameters()[0];
        return (await DataSession.BindAsync(context, parameter))!;
    }

    private static void Handler(DataSession session) => _ = session;

    [Fact]
    public async Task Only_a_session_of_the_ESF_data_role_reads_the_rows_whatever_else_the_caller_is()
    {
        await using var db = NpgsqlDataSource.Create(answers.Database.AppConnectionString);

        await using var owner = new NpgsqlConnection(answers.Database.OwnerConnectionString);
        var all = await owner.ExecuteScalarAsync<long>("SELECT count(*) FROM answers");
        await using (var esf = await BoundAsync(db, Roles.EsfData))
        {
            Assert.Equal(all, await CountAsync(esf));
        }
        foreach (var roles in new[] { new[] { Roles.Operator, Roles.Admin }, [Roles.JstMember], [Roles.Finance], [] })
        {
            await using var other = await BoundAsync(db, roles);
            Assert.Equal(0, await CountAsync(other));
        }
    }

    [Fact]
    public async Task A_person_adds_their_own_answers_without_reading_them_and_no_one_elses()
    {
        await using var db = NpgsqlDataSource.Create(answers.Database.AppConnectionString);
        await using (var session = await DataSession.OpenAsync(db, JstScope.All, Ct))
        {
            await session.AllowOwnSpecialCategoryAnswersAsync(Subject);
            Assert.Equal(1, await session.ExecuteAsync("INSERT INTO answers (member_id, disability) VALUES (@Subject, 'refused')", new { Subject }));
            Assert.Equal(0, await CountAsync(session));
            await session.Transaction.SaveAsync("attempt", Ct);
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                session.ExecuteAsync("INSERT INTO answers (member_id, disability) VALUES (gen_random_uuid(), 'no')"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            await session.Transaction.RollbackAsync("attempt", Ct);
            await session.CommitAsync();
        }

        await using var next = await DataSession.OpenAsync(db, JstScope.All, Ct);
        await next.Transaction.AllowSpecialCategoriesAsync(Ct);
        Assert.Equal(["refused"], await next.QueryAsync<string>("SELECT disability FROM answers WHERE member_id = @Subject", new { Subject }));
    }
}
