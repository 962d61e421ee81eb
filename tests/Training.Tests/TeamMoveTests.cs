using Cro.Training.Features.Attendance;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Teams;
using Cro.Training.Features.Progress;
using Cro.Training.Features.Sessions;

namespace Cro.Training.Tests;

public sealed class TeamMoveTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> MoveAsync(Guid applicationId, Guid? cohortId, string reason = "Gmina prosi o termin w innej grupie.") =>
        service.Operator().PutAsJsonAsync($"/api/training/teams/{applicationId}/cohort", new MoveTeam.TeamCohortRequest(cohortId, reason), Ct);

    [Fact]
    public async Task A_team_moved_to_another_cohort_keeps_its_attendance_and_attempts_and_each_move_is_recorded()
    {
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M1", TimeSpan.FromMinutes(5), 2m));
        var marked = await service.Trainer(learner.Trainer.Email).PutAsJsonAsync($"/api/training/sessions/{learner.Sessions[0].Id}/attendance",
            new MarkAttendance.MarkAttendanceRequest([new(learner.Member.MemberId, AttendanceStatus.Present)]), Ct);
        var other = await Lms.CohortAsync(service, Teams.Gromadka, ("M1", TimeSpan.FromDays(3), 2m));

        var moved = await MoveAsync(learner.Team.ApplicationId, other.Cohort.Id);
        var same = await MoveAsync(learner.Team.ApplicationId, other.Cohort.Id);
        // The trainer of the old cohort still sees the mark on their sheet.
        var oldSheet = await service.Trainer(learner.Trainer.Email).GetFromJsonAsync<AttendanceSheet.Sheet>(
            $"/api/training/sessions/{learner.Sessions[0].Id}/attendance", Ct);
        var results = await service.Operator().GetFromJsonAsync<TrainingResults.CohortResults>($"/api/training/cohorts/{other.Cohort.Id}/results", Ct);
        var mySessions = await learner.Client.GetFromJsonAsync<List<SessionView>>("/api/training/me/sessions", Ct);
        var removed = await MoveAsync(learner.Team.ApplicationId, null, "JST rezygnuje z tej edycji szkoleń.");
        var changes = await service.Operator().GetFromJsonAsync<List<MoveTeam.TeamCohortChange>>(
            $"/api/training/teams/{learner.Team.ApplicationId}/cohort-changes", Ct);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(other.Cohort.Id, (await moved.Content.ReadFromJsonAsync<TeamView>(Ct))!.CohortId);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(AttendanceStatus.Present, oldSheet!.Rows.Single(r => r.ParticipantId == learner.Member.MemberId).Status);
        Assert.Equal(2m, results!.Participants.Single(p => p.ParticipantId == learner.Member.MemberId).Modules.Single(m => m.ModuleCode == "M1").AttendedHours);
        Assert.Equal([other.Sessions[0].Id], mySessions!.Select(s => s.Id));
        Assert.Null((await removed.Content.ReadFromJsonAsync<TeamView>(Ct))!.CohortId);
        Assert.Equal<(Guid?, Guid?)>([(learner.Cohort.Id, other.Cohort.Id), (other.Cohort.Id, null)], changes!.Select(c => (c.FromCohortId, c.ToCohortId)));
        Assert.Equal("JST rezygnuje z tej edycji szkoleń.", changes![1].Reason);
        Assert.Single(await service.QueryAsync<Guid>("SELECT participant_id FROM attendance WHERE session_id = @Id", new { learner.Sessions[0].Id }));
        var waiting = await service.Operator().GetFromJsonAsync<List<TeamView>>("/api/training/enrolment/waiting", Ct);
        Assert.Contains(waiting!, t => t.ApplicationId == learner.Team.ApplicationId);
    }

    [Fact]
    public async Task Moving_a_team_that_is_not_enrolled_or_to_no_such_cohort_or_without_a_reason_changes_nothing()
    {
        var learner = await Lms.CohortAsync(service, Teams.Osiecznica);

        var unknownTeam = await MoveAsync(Guid.CreateVersion7(), learner.Cohort.Id);
        var unknownCohort = await MoveAsync(learner.Team.ApplicationId, Guid.CreateVersion7());
        var noReason = await MoveAsync(learner.Team.ApplicationId, null, reason: "");
        var byTrainer = await service.Trainer(learner.Trainer.Email).PutAsJsonAsync($"/api/training/teams/{learner.Team.ApplicationId}/cohort",
            new MoveTeam.TeamCohortRequest(null, "Bo tak."), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownTeam.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownCohort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrainer.StatusCode);
        Assert.Equal([learner.Cohort.Id], await service.QueryAsync<Guid>("SELECT cohort_id FROM teams WHERE application_id = @ApplicationId", new { learner.Team.ApplicationId }));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM team_cohort_changes WHERE application_id = @ApplicationId", new { learner.Team.ApplicationId }));
    }

    [Fact]
    public async Task A_session_is_not_planned_with_fewer_seats_than_the_cohort_has_people_nor_a_team_placed_where_it_would_not_fit()
    {
        // Three people in the team.
        var learner = await Lms.CohortAsync(service, Teams.Gromadka, ("M2", TimeSpan.FromDays(2), 2m));
        var start = Lms.WarsawAt(service, TimeSpan.FromDays(4));
        var tooSmall = Cohorts.Session(start, start.AddHours(2), "M2") with { Capacity = 2 };

        var scheduled = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{learner.Cohort.Id}/sessions", tooSmall, Ct);
        var shrunk = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{learner.Sessions[0].Id}",
            Cohorts.Session(learner.Sessions[0].StartsAt.DateTime, learner.Sessions[0].EndsAt.DateTime, "M2") with { Capacity = 3 }, Ct);
        var small = await Lms.CohortAsync(service, Teams.Boleslawiec);
        var fitting = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{learner.Sessions[0].Id}",
            Cohorts.Session(learner.Sessions[0].StartsAt.DateTime, learner.Sessions[0].EndsAt.DateTime, "M2") with { Capacity = 5 }, Ct);
        var added = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{learner.Cohort.Id}/teams",
            new ChangeCohort.TeamsRequest([(await Teams.AcceptAsync(service, Teams.Osiecznica)).ApplicationId]), Ct);
        var moved = await MoveAsync(small.Team.ApplicationId, learner.Cohort.Id);

        Assert.Equal(HttpStatusCode.Conflict, scheduled.StatusCode);
        Assert.Contains("Grupa liczy 3 osób, a zajęcia mają 2 miejsc", await scheduled.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, shrunk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fitting.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, added.StatusCode);
        Assert.Contains("6 osób", await added.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM sessions WHERE cohort_id = @Id", new { learner.Cohort.Id }));
        Assert.Equal([small.Cohort.Id], await service.QueryAsync<Guid>("SELECT cohort_id FROM teams WHERE application_id = @ApplicationId", new { small.Team.ApplicationId }));
    }
}
