using Cro.Web.Api;

namespace Cro.Web.Monitoring.Api;

/// <summary>GET /api/monitoring/recruitment: a round in numbers, as monitoring counted it from recruitment's events.</summary>
public sealed record RecruitmentIndicators(Guid RoundId, string RoundName, int ApplicationsSubmitted, int JstAccepted, PeopleBySex PeopleSupported,
    IReadOnlyList<DayCount> SubmittedPerDay, IReadOnlyList<VoivodeshipIndicator> ByVoivodeship);

public sealed record PeopleBySex(int Total, int Women, int Men, int NonBinary, int Undisclosed);

public sealed record DayCount(DateOnly Day, int Submitted);

public sealed record VoivodeshipIndicator(string Terc, string? Name, int Submitted, int JstAccepted);

/// <summary>GET /api/monitoring/indicators: the programme's people indicators, overall or for one round's teams.</summary>
public sealed record ProgrammeIndicators(Guid? RoundId, PeopleBySex PeopleSupported, PeopleBySex CompetencesRaised, int JstSupported);

/// <summary>The monitoring service's API, called as the signed-in person (service discovery name "monitoring").</summary>
public sealed class MonitoringApi(HttpClient http)
{
    public Task<ApiResult<RecruitmentIndicators>> RecruitmentAsync(Guid roundId, CancellationToken ct) =>
        GetAsync<RecruitmentIndicators>($"/api/monitoring/recruitment?roundId={roundId}", ct);

    public Task<ApiResult<ProgrammeIndicators>> ProgrammeAsync(Guid? roundId, CancellationToken ct) =>
        GetAsync<ProgrammeIndicators>("/api/monitoring/indicators" + (roundId is { } id ? $"?roundId={id}" : ""), ct);

    private Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken ct) => ApiResult<T>.SendAsync(() => http.GetAsync(url, ct),
        Cro.ServiceDefaults.Text.Pick("Usługa monitorowania jest chwilowo niedostępna.", "The monitoring service is unavailable at the moment."), ct);
}
