namespace Cro.Identity.Tests;

public sealed class PersonalDataTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "maria's long passphrase";

    private async Task<(Guid Id, string Email, HttpClient Api)> MemberAsync(string name)
    {
        var (id, email) = await identity.CreatePersonAsync(name, "jst-coordinator", "1465011", Password, Ct);
        return (id, email, identity.Api((await identity.SignInAsync(email, Password, Ct)).AccessToken));
    }

    private async Task<HttpClient> OperatorAsync()
    {
        var (_, email) = await identity.CreatePersonAsync("Oskar Operator", "operator", null, "oskar's long passphrase", Ct);
        return identity.Api((await identity.SignInAsync(email, "oskar's long passphrase", Ct)).AccessToken);
    }

    [Fact]
    public async Task A_person_downloads_their_account_roles_and_security_log()
    {
        var (id, email, api) = await MemberAsync("Maria Kowalczyk");

        var data = await api.GetFromJsonAsync<JsonElement>("/api/identity/me/personal-data", Ct);

        var account = data.GetProperty("account");
        Assert.Equal(id, account.GetProperty("id").GetGuid());
        Assert.Equal("Maria Kowalczyk", account.GetProperty("fullName").GetString());
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("1465011", account.GetProperty("jstTerc").GetString());
        Assert.Equal(["jst-coordinator"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(data.GetProperty("securityLog").EnumerateArray(), e => e.GetProperty("action").GetString() == "sign-in.succeeded");
    }

    [Fact]
    public async Task Erasure_is_asked_once_carried_out_by_an_operator_and_leaves_no_name_or_address()
    {
        var (id, email, api) = await MemberAsync("Zofia Usuwana");
        var operatorApi = await OperatorAsync();

        var asked = await api.PostAsJsonAsync("/api/identity/me/erasure-request", new { reason = "Nie biorę już udziału." }, Ct);
        var again = await api.PostAsJsonAsync("/api/identity/me/erasure-request", new { reason = (string?)null }, Ct);
        var pending = await operatorApi.GetFromJsonAsync<JsonElement>("/api/identity/erasure-requests", Ct);
        var request = pending.EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == id);
        var executed = await operatorApi.PostAsync($"/api/identity/erasure-requests/{request.GetProperty("id").GetGuid()}/execute", null, Ct);
        var users = await operatorApi.GetStringAsync($"/api/identity/users?q=Zofia", Ct);
        var all = await operatorApi.GetStringAsync("/api/identity/users?limit=200", Ct);
        var signIn = await OidcFlows.PostLoginAsync(identity.Browser(), "/konto/logowanie", email, Password, Ct);

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Zofia Usuwana", request.GetProperty("fullName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, executed.StatusCode);
        Assert.DoesNotContain("Zofia", users);
        Assert.DoesNotContain(email, all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Osoba usunięta", all);
        Assert.Contains("Nieprawidłowy adres e-mail lub hasło.", await signIn.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await identity.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.PersonErased,%' AND payload->>'userId' = @id",
            new { id = id.ToString() }));
        Assert.Equal(1, await identity.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'erasure.executed' AND subject_id = @id", new { id }));
        Assert.Equal(0, await identity.ScalarAsync<long>("SELECT count(*) FROM \"AspNetUserTokens\" WHERE \"UserId\" = @id", new { id }));
        // The refresh token the person held dies with the account.
        Assert.Equal(0, await identity.ScalarAsync<long>("SELECT count(*) FROM \"OpenIddictTokens\" WHERE \"Subject\" = @id AND \"Status\" = 'valid'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Erasure_requests_are_for_operators_and_unknown_ones_are_404()
    {
        var (_, _, member) = await MemberAsync("Jan Ciekawski");
        var operatorApi = await OperatorAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/identity/erasure-requests", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/identity/erasure-requests/{Guid.NewGuid()}/execute", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorApi.PostAsync($"/api/identity/erasure-requests/{Guid.NewGuid()}/execute", null, Ct)).StatusCode);
    }
}
