using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Cro.PartnerClient;

/// <summary>The OAuth 2.0 client-credentials grant the documents' security scheme names (tokenUrl /connect/token).</summary>
public static class PartnerToken
{
    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

    /// <summary>An access token for <paramref name="scopes"/>; a token asked without a scope would carry none.</summary>
    public static async Task<string> RequestAsync(HttpClient http, string clientId, string clientSecret, IEnumerable<string> scopes, CancellationToken ct)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = string.Join(' ', scopes),
        }), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
    }
}
