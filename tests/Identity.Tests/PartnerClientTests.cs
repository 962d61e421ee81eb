using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using Cro.Identity.Features.Clients;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Identity.Tests;

public sealed class PartnerClientTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PartnerClients.Credentials> CreateClientAsync(HttpClient admin, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/identity/clients", new PartnerClients.CreateRequest("Związek Powiatów Polskich", scopes), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PartnerClients.Credentials>(Ct))!;
    }

    [Fact]
    public async Task Partner_gets_a_short_lived_signed_token_for_the_scopes_it_was_granted()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateClientAsync(admin, "recruitment.read", "indicators.read");

        var tokens = await OidcFlows.ClientCredentialsAsync(identity.Factory.CreateClient(), client.ClientId, client.ClientSecret, "recruitment.read", Ct);

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken);
        Assert.Equal(IdentityService.Issuer, jwt.Issuer);
        Assert.Contains("cro-api", jwt.Audiences);
        Assert.Equal("client", jwt.Claims.Single(c => c.Type == "principal_type").Value);
        Assert.Equal("recruitment.read", jwt.Claims.Single(c => c.Type == "scope").Value);
        Assert.True(jwt.ValidTo - jwt.IssuedAt <= TimeSpan.FromMinutes(15));
        Assert.Equal("RS256", jwt.Header.Alg);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task Partner_asking_for_no_scope_gets_a_token_with_none()
    {
        var client = await CreateClientAsync(await identity.AdminApiAsync(Ct), "recruitment.read", "indicators.read");

        var (status, body) = await OidcFlows.TokenResponseAsync(identity.Factory.CreateClient(), new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        }, Ct);

        // Services' scoped policies refuse such a token (403): it may do nothing it was not asked for.
        Assert.Equal(HttpStatusCode.OK, status);
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString());
        Assert.Equal("client", jwt.Claims.Single(c => c.Type == "principal_type").Value);
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "scope");
        Assert.False(body.TryGetProperty("scope", out var granted) && granted.GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task Partner_asking_for_a_scope_it_was_not_granted_is_refused()
    {
        var client = await CreateClientAsync(await identity.AdminApiAsync(Ct), "recruitment.read");

        var (status, body) = await OidcFlows.TokenResponseAsync(identity.Factory.CreateClient(), new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "practices.write",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("not allowed to use the specified scope", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Rotated_secret_replaces_the_old_one()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateClientAsync(admin, "recruitment.read");

        var rotated = await (await admin.PostAsync($"/api/identity/clients/{client.ClientId}/secret", null, Ct))
            .Content.ReadFromJsonAsync<PartnerClients.Credentials>(Ct);

        var http = identity.Factory.CreateClient();
        var (oldStatus, oldBody) = await OidcFlows.TokenResponseAsync(http, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret, ["scope"] = "recruitment.read",
        }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal("invalid_client", oldBody.GetProperty("error").GetString());
        await OidcFlows.ClientCredentialsAsync(http, client.ClientId, rotated!.ClientSecret, "recruitment.read", Ct);
    }

    [Fact]
    public async Task Clients_are_managed_by_administrators_only()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var client = await CreateClientAsync(admin, "recruitment.read");
        var partnerToken = await OidcFlows.ClientCredentialsAsync(identity.Factory.CreateClient(), client.ClientId, client.ClientSecret, "recruitment.read", Ct);
        var partner = identity.Factory.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", partnerToken.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await identity.Factory.CreateClient().GetAsync("/api/identity/clients", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/identity/clients", Ct)).StatusCode);
        var listed = await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct);
        Assert.Contains(listed!, c => c.ClientId == client.ClientId && c.Scopes.SequenceEqual(["recruitment.read"]));
    }

    [Fact]
    public async Task Client_with_an_unknown_scope_is_not_created()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var before = await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct);

        var response = await admin.PostAsJsonAsync("/api/identity/clients", new PartnerClients.CreateRequest("X", ["everything"]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains(problem!.Errors.Keys, k => k.StartsWith("scopes", StringComparison.Ordinal));
        Assert.Equal(before!.Count, (await admin.GetFromJsonAsync<List<PartnerClients.ClientResponse>>("/api/identity/clients", Ct))!.Count);
    }
}
