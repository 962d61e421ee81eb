using System.Net.Http.Json;
using Cro.Web.Api;

namespace Cro.Web.Training.Api;

/// <summary>Enrolment, cohorts, sessions, attendance and calendars.</summary>
public sealed partial class TrainingApi
{
    /// <summary>Accepted teams not yet in a cohort, oldest acceptance first (operators).</summary>
    public Task<ApiResult<List<TeamView>>> WaitingTeamsAsync(CancellationToken ct) => GetAsync<List<TeamView>>("/api/training/enrolment/waiting", ct);

    public Task<ApiResult<List<CohortSummary>>> CohortsAsync(CancellationToken ct) => GetAsync<List<CohortSummary>>("/api/training/cohorts", ct);

    public Task<ApiResult<CohortView>> CohortAsync(Guid id, CancellationToken ct) => GetAsync<CohortView>($"/api/training/cohorts/{id}", ct);

    public Task<ApiResult<CohortView>> CreateCohortAsync(NewCohort cohort, CancellationToken ct) =>
        SendAsync<CohortView>(() => http.PostAsJsonAsync("/api/training/cohorts", cohort, ct), ct);

    public Task<ApiResult<CohortView>> AddTeamsAsync(Guid cohortId, CohortTeamsRequest teams, CancellationToken ct) =>
        SendAsync<CohortView>(() => http.PostAsJsonAsync($"/api/training/cohorts/{cohortId}/teams", teams, ct), ct);

    /// <summary>The cohort's trainers become exactly the ones given.</summary>
    public Task<ApiResult<CohortView>> AssignTrainersAsync(Guid cohortId, CohortTrainersRequest trainers, CancellationToken ct) =>
        SendAsync<CohortView>(() => http.PutAsJsonAsync($"/api/training/cohorts/{cohortId}/trainers", trainers, ct), ct);

    public Task<ApiResult<SessionView>> ScheduleSessionAsync(Guid cohortId, SessionRequest session, CancellationToken ct) =>
        SendAsync<SessionView>(() => http.PostAsJsonAsync($"/api/training/cohorts/{cohortId}/sessions", session, ct), ct);

    /// <summary>Changes a session; a new time or place is a move the participants are told about. 409 once attendance is recorded.</summary>
    public Task<ApiResult<SessionView>> MoveSessionAsync(Guid sessionId, SessionRequest session, CancellationToken ct) =>
        SendAsync<SessionView>(() => http.PutAsJsonAsync($"/api/training/sessions/{sessionId}", session, ct), ct);

    /// <summary>Cancels a session and mails its people once; answers the session as cancelled. 409 once it took place.</summary>
    public Task<ApiResult<SessionView>> CancelSessionAsync(Guid sessionId, CancelSessionRequest request, CancellationToken ct) =>
        SendAsync<SessionView>(() => http.PostAsJsonAsync($"/api/training/sessions/{sessionId}/cancel", request, ct), ct);

    /// <summary>Moves a team to another cohort, or out of its cohort; its attendance and attempts stay. 409 when the cohort cannot seat it.</summary>
    public Task<ApiResult<TeamView>> MoveTeamAsync(Guid applicationId, TeamCohortRequest request, CancellationToken ct) =>
        SendAsync<TeamView>(() => http.PutAsJsonAsync($"/api/training/teams/{applicationId}/cohort", request, ct), ct);

    /// <summary>The next sessions for the public programme page: dates and form, nothing about people.</summary>
    public Task<ApiResult<List<PublicSession>>> UpcomingSessionsAsync(CancellationToken ct) =>
        GetAsync<List<PublicSession>>("/api/training/public/sessions?limit=10", ct);

    /// <summary>Which modules' tests can be taken (their banks have questions).</summary>
    public Task<ApiResult<List<ModuleTestReadiness>>> TestReadinessAsync(CancellationToken ct) =>
        GetAsync<List<ModuleTestReadiness>>("/api/training/tests/readiness", ct);

    public Task<ApiResult<CheckInCode>> CheckInCodeAsync(Guid sessionId, CancellationToken ct) =>
        GetAsync<CheckInCode>($"/api/training/sessions/{sessionId}/check-in-code", ct);

    public Task<ApiResult<AttendanceSheet>> AttendanceSheetAsync(Guid sessionId, CancellationToken ct) =>
        GetAsync<AttendanceSheet>($"/api/training/sessions/{sessionId}/attendance", ct);

    public Task<ApiResult<List<AttendanceCorrection>>> AttendanceCorrectionsAsync(Guid sessionId, CancellationToken ct) =>
        GetAsync<List<AttendanceCorrection>>($"/api/training/sessions/{sessionId}/attendance/corrections", ct);

    /// <summary>Answers the sheet as it is after the marks; 400 with a "reason" field error when a correction after the session has none.</summary>
    public Task<ApiResult<AttendanceSheet>> MarkAttendanceAsync(Guid sessionId, AttendanceMarks marks, CancellationToken ct) =>
        SendAsync<AttendanceSheet>(() => http.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance", marks, ct), ct);

    public Task<ApiResult<CheckedIn>> CheckInAsync(CheckInRequest request, CancellationToken ct) =>
        SendAsync<CheckedIn>(() => http.PostAsJsonAsync("/api/training/check-in", request, ct), ct);

    /// <summary>The signed-in person's sessions, as participant or trainer, in time order (past ones too).</summary>
    public Task<ApiResult<List<SessionView>>> MySessionsAsync(CancellationToken ct) => GetAsync<List<SessionView>>("/api/training/me/sessions", ct);

    /// <summary>A new secret address of the person's calendar feed; the previous one stops working.</summary>
    public Task<ApiResult<CalendarFeed>> IssueCalendarFeedAsync(CancellationToken ct) =>
        SendAsync<CalendarFeed>(() => http.PostAsync("/api/training/me/calendar-feed", null, ct), ct);

    public Task<HttpResponseMessage> SessionAttendanceExportAsync(Guid sessionId, string format, CancellationToken ct) =>
        DownloadAsync($"/api/training/sessions/{sessionId}/attendance/export?format={format}", ct);

    public Task<HttpResponseMessage> CohortAttendanceExportAsync(Guid cohortId, string format, CancellationToken ct) =>
        DownloadAsync($"/api/training/cohorts/{cohortId}/attendance/export?format={format}", ct);
}
