using System.Globalization;
using System.Net.Http.Json;
using Cro.ServiceDefaults;
using Cro.Web.Api;

namespace Cro.Web.Recruitment.Api;

/// <summary>
/// The recruitment service as an anonymous visitor calls it (service discovery name "recruitment"): the
/// public rounds, and an application opened with its key. The key travels from the page's address to the
/// X-Application-Key header here, on the server; the browser never sends it to the API itself. No
/// person's token goes with these calls: the applicant may have no account, and the key alone decides.
/// </summary>
public sealed class ApplicationsClient(HttpClient http)
{
    public const string KeyHeader = "X-Application-Key";

    public Task<ApiResult<List<RoundView>>> RoundsAsync(CancellationToken ct) =>
        SendAsync<List<RoundView>>(new(HttpMethod.Get, "/api/recruitment/rounds"), ct);

    public Task<ApiResult<RoundView>> RoundAsync(Guid id, CancellationToken ct) =>
        SendAsync<RoundView>(new(HttpMethod.Get, $"/api/recruitment/rounds/{id}"), ct);

    /// <summary>Whether the JST can still apply in the round (eligible, no live application there); asked when it is chosen.</summary>
    public Task<ApiResult<JstCandidacy>> CandidacyAsync(Guid roundId, string terc, CancellationToken ct) =>
        SendAsync<JstCandidacy>(new(HttpMethod.Get, $"/api/recruitment/rounds/{roundId}/candidates/{Uri.EscapeDataString(terc)}"), ct);

    /// <summary>Starts the draft; the service e-mails the coordinator the link (with the key) that resumes it.</summary>
    public Task<ApiResult<StartedApplication>> StartAsync(Guid roundId, ApplicationForm form, CancellationToken ct) =>
        SendAsync<StartedApplication>(new(HttpMethod.Post, $"/api/recruitment/rounds/{roundId}/applications") { Content = JsonContent.Create(form) }, ct);

    public Task<ApiResult<ApplicationView>> GetAsync(Guid id, string key, CancellationToken ct) =>
        SendAsync<ApplicationView>(WithKey(new(HttpMethod.Get, $"/api/recruitment/applications/{id}"), key), ct);

    /// <summary>Saves the whole draft (the API replaces it, team included).</summary>
    public Task<ApiResult<ApplicationView>> SaveAsync(Guid id, string key, ApplicationForm form, CancellationToken ct) =>
        SendAsync<ApplicationView>(WithKey(new(HttpMethod.Put, $"/api/recruitment/applications/{id}") { Content = JsonContent.Create(form) }, key), ct);

    public Task<ApiResult<ApplicationView>> SubmitAsync(Guid id, string key, CancellationToken ct) =>
        SendAsync<ApplicationView>(WithKey(new(HttpMethod.Post, $"/api/recruitment/applications/{id}/submit"), key), ct);

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add(KeyHeader, key);
        return request;
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            return await ApiResult<T>.SendAsync(() => http.SendAsync(request, ct), Unavailable, ct);
        }
    }

    internal static string Unavailable => Text.Pick(
        "Usługa naboru jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The recruitment service is unavailable at the moment. Nothing was saved; try again in a moment.");
}
