using System.Net.Http.Json;
using Cro.Web.Api;

namespace Cro.Web.Training.Api;

/// <summary>Results, learning gain, certificates and their public verification.</summary>
public sealed partial class TrainingApi
{
    /// <summary>The caller's standing, one entry per cohort they are in (none: not placed yet).</summary>
    public Task<ApiResult<List<CohortResults>>> MyResultsAsync(CancellationToken ct) => GetAsync<List<CohortResults>>("/api/training/me/results", ct);

    public Task<ApiResult<CohortResults>> CohortResultsAsync(Guid cohortId, CancellationToken ct) =>
        GetAsync<CohortResults>($"/api/training/cohorts/{cohortId}/results", ct);

    public Task<ApiResult<LearningGainReport>> LearningGainAsync(Guid cohortId, CancellationToken ct) =>
        GetAsync<LearningGainReport>($"/api/training/cohorts/{cohortId}/learning-gain", ct);

    public Task<HttpResponseMessage> CohortResultsExportAsync(Guid cohortId, string format, CancellationToken ct) =>
        DownloadAsync($"/api/training/cohorts/{cohortId}/results/export?format={format}", ct);

    public Task<ApiResult<List<CertificateView>>> MyCertificatesAsync(CancellationToken ct) =>
        GetAsync<List<CertificateView>>("/api/training/me/certificates", ct);

    public Task<ApiResult<CertificateView>> CertificateAsync(Guid id, CancellationToken ct) => GetAsync<CertificateView>($"/api/training/certificates/{id}", ct);

    public Task<HttpResponseMessage> CertificatePdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"/api/training/certificates/{id}/pdf", ct);

    /// <summary>The certificate as a signed Open Badges 3.0 credential (JSON with the JWT), to keep in a digital wallet.</summary>
    public Task<HttpResponseMessage> CertificateCredentialAsync(Guid id, CancellationToken ct) => DownloadAsync($"/api/training/certificates/{id}/credential", ct);

    /// <summary>The holder's choice whether the public verification shows their name.</summary>
    public Task<ApiResult<CertificateView>> ChangeConsentAsync(Guid id, CertificateConsent consent, CancellationToken ct) =>
        SendAsync<CertificateView>(() => http.PutAsJsonAsync($"/api/training/certificates/{id}/consent", consent, ct), ct);

    /// <summary>Anyone's check of a number: 404 when no such certificate was issued.</summary>
    public Task<ApiResult<VerifiedCertificate>> VerifyCertificateAsync(string number, CancellationToken ct) =>
        GetAsync<VerifiedCertificate>($"/api/training/public/certificates?number={Uri.EscapeDataString(number)}", ct);
}
