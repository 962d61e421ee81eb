using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cro.Identity.Tests;

/// <summary>The OAuth 2 / OpenID Connect flows as the web and a partner perform them, over plain HTTP.</summary>
public static partial class OidcFlows
{
    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

    /// <summary>
    /// Authorization code + PKCE as the web does it: authorize, sign in on the login page (with the
    /// authenticator's code when the account has or needs one), exchange the code.
    /// </summary>
    public static async Task<Tokens> SignInAsync(HttpClient browser, string email, string password, Authenticators authenticators, CancellationToken ct)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = "cro-web",
            ["redirect_uri"] = "http://localhost/signin-oidc",
            ["response_type"] = "code",
            ["scope"] = "openid profile email roles offline_access",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "test-state",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var toLogin = await browser.GetAsync(authorize, ct);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/konto/logowanie", loginUrl);

        var afterLogin = await PostLoginAsync(browser, loginUrl, email, password, ct);
        Assert.Equal(HttpStatusCode.Redirect, afterLogin.StatusCode);
        var signedIn = await authenticators.PassSecondFactorAsync(browser, email, afterLogin.Headers.Location!.ToString(), ct);
        var toClient = await browser.GetAsync(signedIn, ct);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith("http://localhost/signin-oidc", callback.ToString());
        var code = Regex.Match(callback.Query, "[?&]code=([^&]+)").Groups[1].Value;

        return await TokenAsync(browser, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = "http://localhost/signin-oidc",
            ["client_id"] = "cro-web",
            ["client_secret"] = IdentityService.WebSecret,
            ["code_verifier"] = verifier,
        }, ct);
    }

    /// <summary>Submits the sign-in form (with its antiforgery token) and returns the raw response.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string loginUrl, string email, string password, CancellationToken ct) =>
        PostFormAsync(browser, loginUrl, loginUrl, new() { ["Email"] = email, ["Password"] = password }, ct);

    /// <summary>
    /// Opens a Razor page and posts its form back as a browser would: with the page's antiforgery token
    /// and ReturnUrl field, plus <paramref name="fields"/>, to <paramref name="action"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string pageUrl, string action,
        Dictionary<string, string> fields, CancellationToken ct)
    {
        var page = await browser.GetStringAsync(pageUrl, ct);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        fields.TryAdd("ReturnUrl", WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields), ct);
    }

    public static Task<Tokens> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string scope, CancellationToken ct) =>
        TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }, ct);

    public static Task<Tokens> RefreshAsync(HttpClient http, string refreshToken, CancellationToken ct) =>
        TokenAsync(http, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "cro-web",
            ["client_secret"] = IdentityService.WebSecret,
        }, ct);

    /// <summary>The token endpoint's answer, success or OAuth error (error, error_description).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenResponseAsync(HttpClient http, Dictionary<string, string> form, CancellationToken ct)
    {
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct));
    }

    private static async Task<Tokens> TokenAsync(HttpClient http, Dictionary<string, string> form, CancellationToken ct)
    {
        var (status, body) = await TokenResponseAsync(http, form, ct);
        Assert.True(status == HttpStatusCode.OK, $"token endpoint: {(int)status} {body}");
        return new Tokens(body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            body.TryGetProperty("id_token", out var id) ? id.GetString() : null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
