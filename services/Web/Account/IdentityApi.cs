using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;

namespace Cro.Web.Account;

/// <summary>Sends the signed-in person's access token (kept in the web's cookie, never in the browser) with API calls.</summary>
public sealed class UserAccessTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (http.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        return await base.SendAsync(request, ct);
    }
}

public sealed record Invitation(string Email, string FullName, string Role, string? JstTerc);

public sealed record InvitationSent(Guid UserId, DateTimeOffset ExpiresAt);

/// <summary>The identity service's API, called as the signed-in person (service discovery name "identity").</summary>
public sealed class IdentityApi(HttpClient http)
{
    public async Task<ApiResult<InvitationSent>> InviteAsync(Invitation invitation, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/invitations", invitation, ct);
        return await ApiResults.ReadAsync<InvitationSent>(response, ct);
    }
}
