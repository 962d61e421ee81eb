using System.IdentityModel.Tokens.Jwt;

namespace Cro.Identity.Tests;

public sealed class SignInTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Web_sign_in_with_code_and_PKCE_yields_tokens_carrying_the_person_and_role()
    {
        var tokens = await identity.SignInAsync(IdentityService.AdminEmail, IdentityService.AdminPassword, Ct);

        var access = new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken);
        Assert.Equal("person", access.Claims.Single(c => c.Type == "principal_type").Value);
        Assert.Equal("Anna Administratorka", access.Claims.Single(c => c.Type == "name").Value);
        Assert.Contains(access.Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.True(access.ValidTo - access.IssuedAt <= TimeSpan.FromMinutes(15));
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task Refresh_token_is_rotated_and_the_used_one_no_longer_works()
    {
        var first = await identity.SignInAsync(IdentityService.AdminEmail, IdentityService.AdminPassword, Ct);
        var http = identity.Factory.CreateClient();

        var second = await OidcFlows.RefreshAsync(http, first.RefreshToken!, Ct);
        var (status, body) = await OidcFlows.TokenResponseAsync(http, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first.RefreshToken!,
            ["client_id"] = "cro-web", ["client_secret"] = IdentityService.WebSecret,
        }, Ct);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_session()
    {
        var browser = identity.Browser();

        var response = await OidcFlows.PostLoginAsync(browser, "/konto/logowanie", IdentityService.AdminEmail, "not the password at all", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nieprawidłowy adres e-mail lub hasło.", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/connect/authorize?client_id=cro-web&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc&scope=openid&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs&code_challenge_method=S256", Ct)).StatusCode);
    }

    [Fact]
    public async Task Discovery_document_and_keys_are_published()
    {
        var http = identity.Factory.CreateClient();

        var discovery = await http.GetStringAsync("/.well-known/openid-configuration", Ct);
        var keys = await http.GetStringAsync("/.well-known/jwks", Ct);

        Assert.Contains("\"issuer\": \"http://localhost/\"", discovery.Replace("\":\"", "\": \""));
        Assert.Contains("\"kty\"", keys);
    }
}
