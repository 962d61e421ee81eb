using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cro.Web.Api;

namespace Cro.Web.Recruitment.Api;

/// <summary>The recruitment service as the signed-in operator calls it, with their access token.</summary>
public sealed class RecruitmentApi(HttpClient http)
{
    public Task<ApiResult<List<RoundView>>> RoundsAsync(CancellationToken ct) => GetAsync<List<RoundView>>("/api/recruitment/rounds", ct);

    public Task<ApiResult<RoundView>> RoundAsync(Guid id, CancellationToken ct) => GetAsync<RoundView>($"/api/recruitment/rounds/{id}", ct);

    public Task<ApiResult<RoundView>> CreateRoundAsync(NewRound round, CancellationToken ct) =>
        SendAsync<RoundView>(() => http.PostAsJsonAsync("/api/recruitment/rounds", round, ct), ct);

    public Task<ApiResult<RoundStatistics>> StatisticsAsync(Guid roundId, CancellationToken ct) =>
        GetAsync<RoundStatistics>($"/api/recruitment/rounds/{roundId}/statistics", ct);

    /// <summary>The round's submitted and decided applications in ranking order, 50 a page.</summary>
    public Task<ApiResult<ReviewPage>> ApplicationsAsync(Guid roundId, ReviewQuery query, CancellationToken ct) =>
        GetAsync<ReviewPage>($"/api/recruitment/rounds/{roundId}/applications" + query.ToQueryString(), ct);

    public Task<ApiResult<ApplicationView>> DecideAsync(Guid applicationId, DecisionRequest decision, CancellationToken ct) =>
        SendAsync<ApplicationView>(() => http.PostAsJsonAsync($"/api/recruitment/applications/{applicationId}/decision", decision, ct), ct);

    public Task<ApiResult<BulkPlan>> BulkPlanAsync(Guid roundId, CancellationToken ct) =>
        GetAsync<BulkPlan>($"/api/recruitment/rounds/{roundId}/bulk-decision", ct);

    public Task<ApiResult<BulkPlan>> ApplyBulkAsync(Guid roundId, BulkApply plan, CancellationToken ct) =>
        SendAsync<BulkPlan>(() => http.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/bulk-decision", plan, ct), ct);

    /// <summary>One application as operators and the JST's own team see it (no key: the access token decides).</summary>
    public Task<ApiResult<ApplicationView>> ApplicationAsync(Guid id, CancellationToken ct) =>
        GetAsync<ApplicationView>($"/api/recruitment/applications/{id}", ct);

    public Task<ApiResult<ReviewRecord>> ReviewRecordAsync(Guid applicationId, CancellationToken ct) =>
        GetAsync<ReviewRecord>($"/api/recruitment/applications/{applicationId}/review", ct);

    public Task<ApiResult<JsonElement>> FormalCheckAsync(Guid applicationId, FormalCheckRequest check, CancellationToken ct) =>
        SendAsync<JsonElement>(() => http.PutAsJsonAsync($"/api/recruitment/applications/{applicationId}/formal-check", check, ct), ct);

    public Task<ApiResult<ApplicationView>> AdjustScoreAsync(Guid applicationId, ScoreAdjustment adjustment, CancellationToken ct) =>
        SendAsync<ApplicationView>(() => http.PostAsJsonAsync($"/api/recruitment/applications/{applicationId}/score-adjustments", adjustment, ct), ct);

    public Task<ApiResult<ApplicationView>> ReplaceMemberAsync(Guid applicationId, MemberReplacement replacement, CancellationToken ct) =>
        SendAsync<ApplicationView>(() => http.PostAsJsonAsync($"/api/recruitment/applications/{applicationId}/team/replacements", replacement, ct), ct);

    /// <summary>Attaches (or replaces) the round's rules as the PDF uploaded; the service checks its content and size.</summary>
    public async Task<ApiResult<RulesDocumentView>> UploadRulesDocumentAsync(Guid roundId, Stream pdf, string fileName, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        return await SendAsync<RulesDocumentView>(() => http.PutAsync($"/api/recruitment/rounds/{roundId}/rules-document", content, ct), ct);
    }

    public Task<ApiResult<List<JstApplicationSummary>>> MyJstApplicationsAsync(CancellationToken ct) =>
        GetAsync<List<JstApplicationSummary>>("/api/recruitment/me/applications", ct);

    /// <summary>
    /// Sends the list as it was uploaded. The service answers a report both when it applied the list (200) and
    /// when it changed nothing because of bad lines (422), so both are read as a report.
    /// </summary>
    public async Task<ApiResult<MarginalisationReport>> ImportMarginalisationListAsync(string csv, string? fileName, bool confirm, CancellationToken ct)
    {
        var url = $"/api/recruitment/marginalisation-list?confirm={(confirm ? "true" : "false")}"
            + (string.IsNullOrEmpty(fileName) ? "" : $"&fileName={Uri.EscapeDataString(fileName)}");
        try
        {
            using var response = await http.PostAsync(url, new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), ct);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity
                ? new(await response.Content.ReadFromJsonAsync<MarginalisationReport>(ct), new FormErrors(), response.StatusCode)
                : await ApiResult<MarginalisationReport>.ReadAsync(response, ct);
        }
        catch (HttpRequestException)
        {
            return ApiResult<MarginalisationReport>.Failed(ApplicationsClient.Unavailable, HttpStatusCode.ServiceUnavailable);
        }
    }

    /// <summary>The round's applications and teams as a file (CSV or XLSX), read as it streams.</summary>
    public Task<HttpResponseMessage> ExportAsync(Guid roundId, string format, CancellationToken ct) =>
        http.GetAsync($"/api/recruitment/rounds/{roundId}/export?format={format}", HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>The task teams the signed-in person was named in, as the service wrote them.</summary>
    public Task<ApiResult<JsonElement>> MyPersonalDataAsync(CancellationToken ct) =>
        GetAsync<JsonElement>("/api/recruitment/me/personal-data", ct);

    private Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken ct) => SendAsync<T>(() => http.GetAsync(url, ct), ct);

    private static Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken ct) =>
        ApiResult<T>.SendAsync(send, ApplicationsClient.Unavailable, ct);
}
