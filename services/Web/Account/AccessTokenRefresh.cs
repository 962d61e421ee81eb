using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cro.Web.Account;

/// <summary>
/// Keeps the access token in the web's cookie fresh: shortly before it expires (tokens live ten minutes)
/// the refresh token buys a new pair from the identity service, and the cookie is rewritten. When the
/// refresh fails (the session was revoked, the person erased) the web signs the person out.
/// </summary>
public static class AccessTokenRefresh
{
    /// <summary>The identity service's token endpoint, reached inside the cluster.</summary>
    public const string HttpClientName = "identity-token";

    /// <summary>Refresh this long before expiry, so no API call of a page leaves with an expired token.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind, out var expiresAt) || expiresAt - now > Margin)
        {
            return;
        }
        if (await RefreshAsync(context, services) is not { } tokens)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", tokens.AccessToken);
        if (tokens.RefreshToken is not null)
        {
            context.Properties.UpdateTokenValue("refresh_token", tokens.RefreshToken);
        }
        context.Properties.UpdateTokenValue("expires_at", now.AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task<TokenResponse?> RefreshAsync(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        if (context.Properties.GetTokenValue("refresh_token") is not { } refreshToken)
        {
            return null;
        }
        var configuration = services.GetRequiredService<IConfiguration>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "cro-web",
            ["client_secret"] = configuration["Identity:WebClient:Secret"] ?? "",
        }), context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessTokenRefresh))
                .LogInformation("Refreshing the access token failed ({Status}); the person is signed out.", (int)response.StatusCode);
            return null;
        }
        return await response.Content.ReadFromJsonAsync<TokenResponse>(context.HttpContext.RequestAborted);
    }
}
