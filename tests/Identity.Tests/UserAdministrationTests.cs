using System.IdentityModel.Tokens.Jwt;

namespace Cro.Identity.Tests;

public sealed class UserAdministrationTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrator_moves_a_member_to_another_JST_and_their_next_token_carries_it()
    {
        const string password = "krzysztof's passphrase";
        var (id, email) = await identity.CreatePersonAsync("Krzysztof Przenoszony", "jst-member", "1465011", password, Ct);
        var admin = await identity.AdminApiAsync(Ct);

        var changed = await admin.PutAsJsonAsync($"/api/identity/users/{id}/access", new { roles = new[] { "jst-coordinator" }, jstTerc = "0264011" }, Ct);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/users?role=jst-coordinator&jst=02", Ct);
        var one = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/users/{id}", Ct);
        var unknown = await admin.GetAsync($"/api/identity/users/{Guid.NewGuid()}", Ct);
        var token = new JwtSecurityTokenHandler().ReadJwtToken((await identity.SignInAsync(email, password, Ct)).AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var row = Assert.Single(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal("0264011", row.GetProperty("jstTerc").GetString());
        Assert.Equal(["jst-coordinator"], one.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("0264011", token.Claims.Single(c => c.Type == "jst").Value);
        Assert.Equal("jst-coordinator", token.Claims.Single(c => c.Type == "role").Value);
        Assert.Equal(1, await identity.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'roles.changed' AND subject_id = @id AND detail->>'jstAfter' = '0264011'", new { id }));
    }

    [Theory]
    [InlineData("""{"roles":[],"jstTerc":null}""", "roles")]
    [InlineData("""{"roles":["mayor"],"jstTerc":null}""", "roles[0]")]
    [InlineData("""{"roles":["jst-member"],"jstTerc":null}""", "jstTerc")]
    [InlineData("""{"roles":["trainer"],"jstTerc":"1465011"}""", "jstTerc")]
    public async Task Invalid_change_is_400_and_changes_nothing(string body, string field)
    {
        var (id, _) = await identity.CreatePersonAsync("Beata Bez Zmian", "advisor", null, "beata's long passphrase", Ct);
        var admin = await identity.AdminApiAsync(Ct);

        var response = await admin.PutAsync($"/api/identity/users/{id}/access", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("advisor", await identity.ScalarAsync<string>(
            """SELECT r."Name" FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = @id""", new { id }));
    }

    [Fact]
    public async Task Administrator_can_not_remove_their_own_administrator_role_and_operators_can_not_change_roles()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var adminId = await identity.ScalarAsync<Guid>("""SELECT "Id" FROM "AspNetUsers" WHERE "Email" = @email""", new { email = IdentityService.AdminEmail });
        var (_, operatorEmail) = await identity.CreatePersonAsync("Ola Operator", "operator", null, "ola's long passphrase", Ct);
        var operatorApi = identity.Api((await identity.SignInAsync(operatorEmail, "ola's long passphrase", Ct)).AccessToken);

        var self = await admin.PutAsJsonAsync($"/api/identity/users/{adminId}/access", new { roles = new[] { "trainer" }, jstTerc = (string?)null }, Ct);
        var byOperator = await operatorApi.PutAsJsonAsync($"/api/identity/users/{adminId}/access", new { roles = new[] { "trainer" }, jstTerc = (string?)null }, Ct);
        var listedByOperator = await operatorApi.GetAsync("/api/identity/users", Ct);

        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listedByOperator.StatusCode);
    }
}
