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
        return await base.SendAsync(request, ct);
    }
}
