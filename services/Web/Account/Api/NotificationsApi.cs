using Cro.Web.Api;
using System.Text.Json;

namespace Cro.Web.Account.Api;

/// <summary>The notifications service's API, called as the signed-in person (service discovery name "notifications").</summary>
public sealed class NotificationsApi(HttpClient http)
{
    /// <summary>The mails the platform sent or will send the signed-in person.</summary>
    public async Task<ApiResult<JsonElement>> MyPersonalDataAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/notifications/me/personal-data", ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }
}
