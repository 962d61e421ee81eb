using System.Net;
using System.Net.Http.Json;
using Cro.ServiceDefaults;
using Cro.Web.Api;

namespace Cro.Web.Training.Api;

/// <summary>
/// The training service's API (service discovery name "training"), called with the signed-in person's access token
/// when there is one (<see cref="Account.UserAccessTokenHandler"/>) and without it for anonymous visitors, who reach
/// only the public endpoints. The service decides what each caller may see; the pages only show its answer. Split
/// by area into partial files: programme and materials here, then cohorts, attendance, tests and results.
/// </summary>
public sealed partial class TrainingApi(HttpClient http)
{
    public Task<ApiResult<ProgrammeView>> ProgrammeAsync(CancellationToken ct) => GetAsync<ProgrammeView>("/api/training/programme", ct);

    public Task<ApiResult<ProgrammeView>> ProgrammeVersionAsync(int version, CancellationToken ct) =>
        GetAsync<ProgrammeView>($"/api/training/programme/versions/{version}", ct);

    public Task<ApiResult<List<ProgrammeVersionSummary>>> ProgrammeVersionsAsync(CancellationToken ct) =>
        GetAsync<List<ProgrammeVersionSummary>>("/api/training/programme/versions", ct);

    /// <summary>Saves a new version; 409 when someone saved a newer one since <see cref="ProgrammeChange.BasedOnVersion"/>.</summary>
    public Task<ApiResult<ProgrammeView>> ChangeProgrammeAsync(ProgrammeChange change, CancellationToken ct) =>
        SendAsync<ProgrammeView>(() => http.PutAsJsonAsync("/api/training/programme", change, ct), ct);

    /// <summary>The materials an operator marked public, of one module or all.</summary>
    public Task<ApiResult<List<MaterialView>>> PublicMaterialsAsync(string? moduleCode, CancellationToken ct) =>
        GetAsync<List<MaterialView>>("/api/training/public/materials" + (moduleCode is null ? "" : $"?module={Uri.EscapeDataString(moduleCode)}"), ct);

    /// <summary>A module's materials: all of them for participants, trainers and operators, the public ones for anyone else signed in.</summary>
    public Task<ApiResult<List<MaterialView>>> ModuleMaterialsAsync(string moduleCode, CancellationToken ct) =>
        GetAsync<List<MaterialView>>($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/materials", ct);

    /// <summary>
    /// One material with a lesson's sanitised HTML. A signed-in person asks the endpoint that also shows what their
    /// place in the training opens to them; a visitor the public one.
    /// </summary>
    public Task<ApiResult<MaterialView>> MaterialAsync(Guid id, bool signedIn, CancellationToken ct) =>
        GetAsync<MaterialView>(signedIn ? $"/api/training/materials/{id}" : $"/api/training/public/materials/{id}", ct);

    /// <summary>A material's file as it streams, for <see cref="TrainingDownloads"/>.</summary>
    public Task<HttpResponseMessage> MaterialFileAsync(Guid id, bool signedIn, CancellationToken ct) =>
        DownloadAsync(signedIn ? $"/api/training/materials/{id}/file" : $"/api/training/public/materials/{id}/file", ct);

    public Task<ApiResult<MaterialView>> AddLessonAsync(string moduleCode, NewLesson lesson, CancellationToken ct) =>
        SendAsync<MaterialView>(() => http.PostAsJsonAsync($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/materials/lessons", lesson, ct), ct);

    public Task<ApiResult<MaterialView>> AddLinkAsync(string moduleCode, NewLink link, CancellationToken ct) =>
        SendAsync<MaterialView>(() => http.PostAsJsonAsync($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/materials/links", link, ct), ct);

    /// <summary>
    /// Passes an uploaded file on as multipart/form-data (fields file, title, isPublic). The service checks its content
    /// and size (415, 413) and stores nothing it refuses. The bytes are held in memory so a retry can send them again.
    /// </summary>
    public Task<ApiResult<MaterialView>> UploadFileAsync(string moduleCode, byte[] content, string fileName, string? title, bool isPublic,
        CancellationToken ct) =>
        SendAsync<MaterialView>(() =>
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(content), "file", fileName },
                { new StringContent(isPublic ? "true" : "false"), "isPublic" },
            };
            if (!string.IsNullOrWhiteSpace(title))
            {
                form.Add(new StringContent(title.Trim()), "title");
            }
            return http.PostAsync($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/materials/files", form, ct);
        }, ct);

    public Task<ApiResult<MaterialView>> ChangeMaterialAsync(Guid id, MaterialChange change, CancellationToken ct) =>
        SendAsync<MaterialView>(() => http.PutAsJsonAsync($"/api/training/materials/{id}", change, ct), ct);

    public Task<ApiResult<object>> DeleteMaterialAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(() => http.DeleteAsync($"/api/training/materials/{id}", ct), ct);

    private Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken ct) => SendAsync<T>(() => http.GetAsync(url, ct), ct);

    /// <summary>A file or export, read as it streams; the caller relays or disposes it.</summary>
    private Task<HttpResponseMessage> DownloadAsync(string url, CancellationToken ct) =>
        http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);

    private static Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken ct) =>
        ApiResult<T>.SendAsync(send, Unavailable, ct);

    private static string Unavailable => Text.Pick(
        "Usługa szkoleń jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The training service is unavailable at the moment. Nothing was saved; try again in a moment.");
}
