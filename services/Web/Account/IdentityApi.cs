using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>The API's answer: the value, or the messages that say what was wrong.</summary>
public sealed record ApiResult<T>(T? Value, IReadOnlyList<string> Errors);

/// <summary>The identity service's API, called as the signed-in person (service discovery name "identity").</summary>
public sealed class IdentityApi(HttpClient http)
{
    public async Task<ApiResult<InvitationSent>> InviteAsync(Invitation invitation, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/invitations", invitation, ct);
        if (response.IsSuccessStatusCode)
        {
            return new(await response.Content.ReadFromJsonAsync<InvitationSent>(ct), []);
        }
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(ct);
        IReadOnlyList<string> errors = problem?.Errors.Count > 0
            ? [.. problem.Errors.SelectMany(e => e.Value)]
            : [problem?.Detail ?? problem?.Title ?? ((int)response.StatusCode).ToString()];
        return new(default, response.StatusCode == HttpStatusCode.Unauthorized
            ? [Cro.ServiceDefaults.Text.Pick("Sesja wygasła: wyloguj się i zaloguj ponownie.", "The session has expired: sign out and in again.")]
            : errors);
    }
}
