using System.IdentityModel.Tokens.Jwt;
using Cro.Identity.Features.Clients;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Identity.Tests;

/// <summary>A client's JST limit and its changes: stored, listed, carried in tokens, announced through the outbox and audited.</summary>
public sealed class PartnerClientSettingsTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PartnerClients.Credentials> CreateAsync(HttpClient admin, PartnerClients.CreateRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/identity/clients", request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PartnerClients.Credentials>(Ct))!;
    }

    private async Task<JwtSecurityToken> TokenAsync(PartnerClients.Credentials client, string scope) => new JwtSecurityTokenHandler().ReadJwtToken(
        (await OidcFlows.ClientCredentialsAsync(identity.Factory.CreateClient(), client.ClientId, client.ClientSecret, scope, Ct)).AccessToken);

    private Task<string[]> EventsAsync(string clientId) => identity.ScalarAsync<string[]>(
        """
        SELECT coalesce(array_agg(payload::text ORDER BY id), '{}') FROM outbox_messages
        WHERE message_type LIKE 'Cro.Contracts.ApiClientChanged,%' AND payload->>'clientId' = @clientId
        """, new { clientId });

    [Fact]
    public async Task A_client_limited_to_its_members_gets_one_client_jst_claim_per_JST_and_is_listed_with_them()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateAsync(admin, new("Związek Gmin Wiejskich", ["recruitment.read"], [" 1465011", "0201011", "1465011", "1461"]));

        var jwt = await TokenAsync(client, "recruitment.read");
        var listed = (await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct))!.Single(c => c.ClientId == client.ClientId);

        Assert.Equal(["0201011", "1461", "1465011"], jwt.Claims.Where(c => c.Type == "client_jst").Select(c => c.Value).Order());
        Assert.Equal(["0201011", "1461", "1465011"], listed.JstTercs);
        var created = Assert.Single(await EventsAsync(client.ClientId));
        var payload = JsonDocument.Parse(created).RootElement;
        Assert.Equal(["0201011", "1461", "1465011"], payload.GetProperty("jstTercs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["recruitment.read"], payload.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.False(payload.GetProperty("removed").GetBoolean());
    }

    [Fact]
    public async Task A_client_without_a_limit_gets_no_client_jst_claim()
    {
        var client = await CreateAsync(await identity.AdminApiAsync(Ct), new("Związek Miast Polskich", ["recruitment.read"]));

        var jwt = await TokenAsync(client, "recruitment.read");

        Assert.DoesNotContain(jwt.Claims, c => c.Type == "client_jst");
    }

    [Fact]
    public async Task A_change_of_name_scopes_and_JST_reaches_the_list_the_next_token_the_outbox_and_the_audit_log()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateAsync(admin, new("Związek Powiatów", ["recruitment.read", "indicators.read"], ["1461"]));

        var response = await admin.PutAsJsonAsync($"/api/identity/clients/{client.ClientId}",
            new PartnerClients.UpdateRequest("Związek Powiatów Polskich", ["recruitment.write", "training.read"], ["1465", "0201"]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<PartnerClients.ClientResponse>(Ct))!;
        Assert.Equal("Związek Powiatów Polskich", changed.DisplayName);
        Assert.Equal(["recruitment.write", "training.read"], changed.Scopes);
        Assert.Equal(["0201", "1465"], changed.JstTercs);
        var listed = (await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct))!.Single(c => c.ClientId == client.ClientId);
        Assert.Equal(["recruitment.write", "training.read"], listed.Scopes);
        Assert.Equal(["0201", "1465"], listed.JstTercs);
        var jwt = await TokenAsync(client, "training.read");
        Assert.Equal(["0201", "1465"], jwt.Claims.Where(c => c.Type == "client_jst").Select(c => c.Value).Order());
        var (refused, _) = await OidcFlows.TokenResponseAsync(identity.Factory.CreateClient(), new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret, ["scope"] = "indicators.read",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var events = await EventsAsync(client.ClientId);
        Assert.Equal(2, events.Length);
        var last = JsonDocument.Parse(events[^1]).RootElement;
        Assert.Equal("Związek Powiatów Polskich", last.GetProperty("displayName").GetString());
        Assert.Equal(["0201", "1465"], last.GetProperty("jstTercs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, await identity.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'client.updated' AND subject = @subject",
            new { subject = client.ClientId }));

        // Lifting the limit: an empty list.
        await admin.PutAsJsonAsync($"/api/identity/clients/{client.ClientId}",
            new PartnerClients.UpdateRequest("Związek Powiatów Polskich", ["training.read"], []), Ct);
        Assert.DoesNotContain((await TokenAsync(client, "training.read")).Claims, c => c.Type == "client_jst");
    }

    [Fact]
    public async Task Removing_a_client_is_announced_as_removed_with_nothing_granted()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateAsync(admin, new("Związek do usunięcia", ["recruitment.read"], ["1465011"]));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/identity/clients/{client.ClientId}", Ct)).StatusCode);

        var removed = JsonDocument.Parse((await EventsAsync(client.ClientId))[^1]).RootElement;
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Empty(removed.GetProperty("scopes").EnumerateArray());
        Assert.Equal("Związek do usunięcia", removed.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("146501")]
    [InlineData("14650111")]
    [InlineData("gmina")]
    public async Task A_JST_limit_that_is_not_TERC_codes_is_refused_and_changes_nothing(string terc)
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateAsync(admin, new("Związek", ["recruitment.read"], ["1465011"]));
        var eventsBefore = (await EventsAsync(client.ClientId)).Length;

        var created = await admin.PostAsJsonAsync("/api/identity/clients", new PartnerClients.CreateRequest("Inny", ["recruitment.read"], [terc]), Ct);
        var changed = await admin.PutAsJsonAsync($"/api/identity/clients/{client.ClientId}",
            new PartnerClients.UpdateRequest("Związek", ["recruitment.read"], ["1465011", terc]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        var problem = await changed.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains(problem!.Errors.Keys, k => k.StartsWith("jstTercs", StringComparison.Ordinal));
        Assert.Equal(eventsBefore, (await EventsAsync(client.ClientId)).Length);
        Assert.Equal(["1465011"], (await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct))!
            .Single(c => c.ClientId == client.ClientId).JstTercs);
    }

    [Fact]
    public async Task More_JST_than_the_country_has_are_refused()
    {
        var admin = await identity.AdminApiAsync(Ct);

        var response = await admin.PostAsJsonAsync("/api/identity/clients", new PartnerClients.CreateRequest("Za dużo", ["recruitment.read"],
            [.. Enumerable.Range(1_000_000, PartnerClients.MaxJst + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Changing_an_unknown_client_is_404_and_an_invalid_change_400()
    {
        var admin = await identity.AdminApiAsync(Ct);

        var unknown = await admin.PutAsJsonAsync("/api/identity/clients/partner-000000000000",
            new PartnerClients.UpdateRequest("X", ["recruitment.read"]), Ct);
        var web = await admin.PutAsJsonAsync("/api/identity/clients/cro-web", new PartnerClients.UpdateRequest("X", ["recruitment.read"]), Ct);
        var noScopes = await admin.PutAsJsonAsync("/api/identity/clients/partner-000000000000", new PartnerClients.UpdateRequest("X", []), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, web.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noScopes.StatusCode);
    }
}
