using Cro.Training.Features.Attendance;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Sessions;
using Dapper;
using Npgsql;

namespace Cro.Training.Tests;

public sealed class AttendanceTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cohort of one accepted team with a trainer, and a session of it from <paramref name="start"/> (Warsaw) lasting <paramref name="length"/>.</summary>
    private async Task<(ApplicationAccepted Team, TrainerInput Trainer, SessionView Session)> SessionAsync(DateTime start, TimeSpan length, string jst = Teams.Boleslawiec)
    {
        var team = await Teams.AcceptAsync(service, jst);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], trainer);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start + length));
        return (team, trainer, session);
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, Guid sessionId, string? reason, params (Guid Participant, string Status)[] marks) =>
        client.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance",
            new MarkAttendance.MarkAttendanceRequest([.. marks.Select(m => new MarkAttendance.MarkInput(m.Participant, m.Status))], reason), Ct);

    private async Task<string> CodeAsync(TrainerInput trainer, Guid sessionId) =>
        (await service.Trainer(trainer.Email).GetFromJsonAsync<CheckInCode.CheckInCodeResponse>($"/api/training/sessions/{sessionId}/check-in-code", Ct))!.Code;

    private Task<IReadOnlyList<string>> MarksAsync(Guid sessionId) => service.QueryAsync<string>(
        "SELECT participant_id || ':' || status || ':' || source FROM attendance WHERE session_id = @sessionId ORDER BY participant_id", new { sessionId });

    [Fact]
    public async Task The_trainer_marks_each_participant_present_absent_or_excused_and_presence_is_announced()
    {
        var now = Cohorts.WarsawNow();
        var (team, trainer, session) = await SessionAsync(now.AddMinutes(-30), TimeSpan.FromHours(2));
        var (a, b, c) = (team.Team[0].MemberId, team.Team[1].MemberId, team.Team[2].MemberId);

        var response = await MarkAsync(service.Trainer(trainer.Email), session.Id, null,
            (a, AttendanceStatus.Present), (b, AttendanceStatus.Absent), (c, AttendanceStatus.Excused));
        var sheet = await response.Content.ReadFromJsonAsync<AttendanceSheet.Sheet>(Ct);
        var attended = await service.EventsAsync(nameof(SessionAttended), e => e.GetProperty("sessionId").GetGuid() == session.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new Dictionary<Guid, string?> { [a] = "present", [b] = "absent", [c] = "excused" },
            sheet!.Rows.ToDictionary(r => r.ParticipantId, r => r.Status));
        var only = Assert.Single(attended);
        Assert.Equal((a, team.Team[0].Sex, "M1", 2m, "trainer"), (only.GetProperty("participantId").GetGuid(), only.GetProperty("sex").GetString(),
            only.GetProperty("moduleCode").GetString(), only.GetProperty("hours").GetDecimal(), only.GetProperty("recordedBy").GetString()));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM attendance_corrections WHERE session_id = @Id", new { session.Id }));
    }

    [Fact]
    public async Task A_participant_checks_in_with_the_trainers_code_while_the_session_runs()
    {
        var now = Cohorts.WarsawNow();
        var (team, trainer, session) = await SessionAsync(now.AddMinutes(-10), TimeSpan.FromHours(1), Teams.Gromadka);
        var code = await CodeAsync(trainer, session.Id);
        var member = team.Team[1];

        var checkedIn = await service.Member(member.Email, Teams.Gromadka).PostAsJsonAsync("/api/training/check-in",
            new CheckIn.CheckInRequest(code.ToLowerInvariant()), Ct);
        var again = await service.Member(member.Email, Teams.Gromadka).PostAsJsonAsync("/api/training/check-in", new CheckIn.CheckInRequest(code), Ct);

        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([$"{member.MemberId}:present:check-in"], await MarksAsync(session.Id));
        var attended = Assert.Single(await service.EventsAsync(nameof(SessionAttended), e => e.GetProperty("sessionId").GetGuid() == session.Id));
        Assert.Equal("check-in", attended.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task The_code_is_refused_before_and_after_the_session_and_a_wrong_code_or_a_non_participant_is_refused_too()
    {
        var now = Cohorts.WarsawNow();
        var (team, trainer, tomorrow) = await SessionAsync(now.AddDays(1), TimeSpan.FromHours(2), Teams.Osiecznica);
        var cohortId = tomorrow.CohortId;
        var yesterday = await Cohorts.ScheduleAsync(service, cohortId, Cohorts.Session(now.AddDays(-1), now.AddDays(-1).AddHours(2), "M2"));
        var member = service.Member(team.Team[0].Email, Teams.Osiecznica);

        var early = await member.PostAsJsonAsync("/api/training/check-in", new CheckIn.CheckInRequest(await CodeAsync(trainer, tomorrow.Id)), Ct);
        var late = await member.PostAsJsonAsync("/api/training/check-in", new CheckIn.CheckInRequest(await CodeAsync(trainer, yesterday.Id)), Ct);
        var wrong = await member.PostAsJsonAsync("/api/training/check-in", new CheckIn.CheckInRequest("ZZZZZZ"), Ct);
        var stranger = await service.Member($"{Guid.NewGuid():N}@gmina.example.pl", Teams.Osiecznica)
            .PostAsJsonAsync("/api/training/check-in", new CheckIn.CheckInRequest(await CodeAsync(trainer, tomorrow.Id)), Ct);
        var trainerTooEarly = await MarkAsync(service.Trainer(trainer.Email), tomorrow.Id, null, (team.Team[0].MemberId, AttendanceStatus.Present));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Kod działa od", await early.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, trainerTooEarly.StatusCode);
        Assert.Empty(await MarksAsync(tomorrow.Id));
        Assert.Empty(await MarksAsync(yesterday.Id));
    }

    [Fact]
    public async Task Corrections_after_the_session_need_a_reason_and_are_recorded_with_who_when_old_and_new()
    {
        var now = Cohorts.WarsawNow();
        var (team, trainer, session) = await SessionAsync(now.AddDays(-2), TimeSpan.FromHours(3), Teams.Boleslawiec);
        var person = team.Team[0].MemberId;
        var trainerId = Guid.CreateVersion7();
        var trainerClient = service.Trainer(trainer.Email, trainerId);

        var withoutReason = await MarkAsync(trainerClient, session.Id, null, (person, AttendanceStatus.Present));
        var marked = await MarkAsync(trainerClient, session.Id, "Lista papierowa z zajęć.", (person, AttendanceStatus.Present));
        var corrected = await MarkAsync(service.Operator(), session.Id, "Pomyłka: osoba była na innych zajęciach.", (person, AttendanceStatus.Absent));
        var log = await trainerClient.GetFromJsonAsync<List<AttendanceSheet.Correction>>($"/api/training/sessions/{session.Id}/attendance/corrections", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("\"reason\"", await withoutReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(2, log!.Count);
        Assert.Equal((null, "present", trainerId, "Lista papierowa z zajęć."), (log[0].OldStatus, log[0].NewStatus, log[0].CorrectedBy, log[0].Reason));
        Assert.Equal(("present", "absent"), (log[1].OldStatus, log[1].NewStatus));
        Assert.True(log[1].CorrectedAt > session.EndsAt);
        var revoked = Assert.Single(await service.EventsAsync(nameof(SessionAttendanceRevoked), e => e.GetProperty("sessionId").GetGuid() == session.Id));
        Assert.Equal((person, "absent"), (revoked.GetProperty("participantId").GetGuid(), revoked.GetProperty("status").GetString()));

        // The record cannot be rewritten by the service's own login.
        await using var app = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync("UPDATE attendance_corrections SET reason = 'inaczej'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task Only_the_cohorts_trainer_and_operators_keep_its_attendance_and_only_for_its_own_people()
    {
        var now = Cohorts.WarsawNow();
        var (team, trainer, session) = await SessionAsync(now.AddMinutes(-5), TimeSpan.FromHours(1), Teams.Gromadka);
        var outsider = await Teams.AcceptAsync(service, Teams.Osiecznica);

        var otherTrainer = await MarkAsync(service.Trainer(Cohorts.Trainer().Email), session.Id, null, (team.Team[0].MemberId, AttendanceStatus.Present));
        var otherSheet = await service.Trainer(Cohorts.Trainer().Email).GetAsync($"/api/training/sessions/{session.Id}/attendance", Ct);
        var participant = await service.Member(team.Team[0].Email, Teams.Gromadka).GetAsync($"/api/training/sessions/{session.Id}/attendance", Ct);
        var strangerMark = await MarkAsync(service.Trainer(trainer.Email), session.Id, null,
            (team.Team[0].MemberId, AttendanceStatus.Present), (outsider.Team[0].MemberId, AttendanceStatus.Present));
        var unknownSession = await service.Operator().GetAsync($"/api/training/sessions/{Guid.NewGuid()}/attendance", Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherTrainer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSheet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strangerMark.StatusCode);
        Assert.Contains(outsider.Team[0].MemberId.ToString(), await strangerMark.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, unknownSession.StatusCode);
        Assert.Empty(await MarksAsync(session.Id));
    }
}
