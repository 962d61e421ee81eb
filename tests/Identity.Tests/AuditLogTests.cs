using Npgsql;

namespace Cro.Identity.Tests;

public sealed class AuditLogTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_sign_in_lockout_and_client_creation_are_recorded_and_filterable()
    {
        var (personId, email) = await identity.CreatePersonAsync("Lena Logowanie", "jst-member", "1465011", "lena's long passphrase", Ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await OidcFlows.PostLoginAsync(identity.Browser(), "/konto/logowanie", email, "wrong " + attempt, Ct);
        }
        var admin = await identity.AdminApiAsync(Ct);
        await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "Związek Gmin", scopes = new[] { "recruitment.read" } }, Ct);

        var aboutLena = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/audit?person={personId}", Ct);
        var clients = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=client.created", Ct);

        var actions = aboutLena.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(4, actions.Count(a => a == "sign-in.failed"));
        Assert.Contains("sign-in.locked-out", actions);
        Assert.Contains("invitation.issued", actions);
        var lockout = aboutLena.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == "sign-in.locked-out");
        Assert.Equal("Lena Logowanie", lockout.GetProperty("subjectName").GetString());
        var created = Assert.Single(clients.GetProperty("items").EnumerateArray());
        Assert.Equal("Anna Administratorka", created.GetProperty("actorName").GetString());
        Assert.Contains("recruitment.read", created.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeating_and_the_export_is_CSV_of_the_same_filter()
    {
        var admin = await identity.AdminApiAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            await OidcFlows.PostLoginAsync(identity.Browser(), "/konto/logowanie", $"nobody{i}@nowhere.test", "whatever it is", Ct);
        }

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=sign-in.failed&limit=2", Ct);
        var second = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/identity/audit?action=sign-in.failed&limit=2&cursor={first.GetProperty("nextCursor").GetString()}", Ct);
        var csv = await admin.GetAsync("/api/identity/audit/export?action=sign-in.failed", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 3);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("id,czas_utc,zdarzenie,opis", lines[0]);
        Assert.Equal(await identity.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'sign-in.failed'"), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",sign-in.failed,Nieudane logowanie,", line));
    }

    [Theory]
    [InlineData("action=no-such-action", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task Bad_filter_is_400_naming_the_field(string query, string field)
    {
        var admin = await identity.AdminApiAsync(Ct);

        var response = await admin.GetAsync($"/api/identity/audit?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Only_administrators_read_the_log()
    {
        var (_, email) = await identity.CreatePersonAsync("Olek Operator", "operator", null, "operator olek's passphrase", Ct);
        var operatorApi = identity.Api((await identity.SignInAsync(email, "operator olek's passphrase", Ct)).AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorApi.GetAsync("/api/identity/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await identity.Factory.CreateClient().GetAsync("/api/identity/audit/export", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_application_role_can_add_entries_but_never_change_or_remove_them()
    {
        await using var connection = new NpgsqlConnection(identity.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);

        await using (var insert = new NpgsqlCommand("INSERT INTO audit_log (action) VALUES ('sign-out')", connection))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync(Ct));
        }
        foreach (var sql in new[] { "UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }
}
