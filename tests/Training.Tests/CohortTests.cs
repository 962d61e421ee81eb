using System.Text.Json;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Teams;
using Cro.Training.Features.Sessions;

namespace Cro.Training.Tests;

public sealed class CohortTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<IReadOnlyList<JsonElement>> ScheduledAsync(Guid sessionId) =>
        service.EventsAsync(nameof(SessionScheduled), e => e.GetProperty("sessionId").GetGuid() == sessionId);

    [Fact]
    public async Task An_operator_forms_a_cohort_of_waiting_teams_with_trainers_and_a_placed_team_no_longer_waits()
    {
        var first = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var second = await Teams.AcceptAsync(service, Teams.Gromadka, people: 4);
        var trainer = Cohorts.Trainer();

        var cohort = await Cohorts.CreateAsync(service, [first.ApplicationId, second.ApplicationId], trainer);
        var waiting = await service.Operator().GetFromJsonAsync<List<TeamView>>("/api/training/enrolment/waiting", Ct);
        var again = await service.Operator().PostAsJsonAsync("/api/training/cohorts",
            new CreateCohort.CreateCohortRequest("Druga grupa", [first.ApplicationId]), Ct);
        var unknown = await service.Operator().PostAsJsonAsync("/api/training/cohorts",
            new CreateCohort.CreateCohortRequest("Grupa z nieznanym zespołem", [Guid.NewGuid()]), Ct);
        var trainersCohorts = await service.Trainer(trainer.Email).GetFromJsonAsync<List<GetCohorts.CohortSummary>>("/api/training/cohorts", Ct);
        var othersCohorts = await service.Trainer("inny@ore.example.pl").GetFromJsonAsync<List<GetCohorts.CohortSummary>>("/api/training/cohorts", Ct);

        Assert.Equal(2, cohort.Teams.Count);
        Assert.Equal(7, cohort.Teams.Sum(t => t.Participants.Count));
        Assert.Equal(trainer.Email, Assert.Single(cohort.Trainers).Email);
        Assert.DoesNotContain(waiting!, t => t.ApplicationId == first.ApplicationId || t.ApplicationId == second.ApplicationId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(cohort.Id, Assert.Single(trainersCohorts!).Id);
        Assert.Empty(othersCohorts!);
        // Nothing of the refused cohorts was kept.
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM cohorts WHERE name = 'Druga grupa' OR name LIKE 'Grupa z%'"));
    }

    [Fact]
    public async Task Sessions_are_entered_in_Warsaw_time_and_stored_as_the_right_instants_in_summer_and_winter()
    {
        var cohort = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Osiecznica)).ApplicationId], Cohorts.Trainer());

        var summer = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(new DateTime(2026, 7, 15, 9, 0, 0), new DateTime(2026, 7, 15, 13, 0, 0)));
        var winter = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(new DateTime(2027, 1, 15, 9, 0, 0), new DateTime(2027, 1, 15, 12, 30, 0), "M2"));
        var stored = await service.QueryAsync<DateTime>("SELECT starts_at FROM sessions WHERE id = ANY (@ids) ORDER BY starts_at",
            new { ids = new[] { summer.Id, winter.Id } });

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(2)), summer.StartsAt);
        Assert.Equal(TimeSpan.FromHours(2), summer.StartsAt.Offset);
        Assert.Equal(TimeSpan.FromHours(1), winter.StartsAt.Offset);
        Assert.Equal([new DateTime(2026, 7, 15, 7, 0, 0), new DateTime(2027, 1, 15, 8, 0, 0)], stored);
        Assert.Equal((4m, 3.5m), (summer.Hours, winter.Hours));
        Assert.Equal("Przygotowanie diagnozy stanu cyfryzacji edukacji", summer.ModuleTitle);
    }

    [Fact]
    public async Task A_new_session_and_a_moved_one_are_announced_with_the_people_to_tell_and_a_capacity_change_is_not()
    {
        var team = await Teams.AcceptAsync(service, Teams.Boleslawiec);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], trainer);
        var start = new DateTime(2026, 10, 6, 10, 0, 0);
        var session = await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, start.AddHours(3)));

        var moved = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{session.Id}",
            Cohorts.Session(start.AddDays(1), start.AddDays(1).AddHours(3)) with { Form = "blended", OnlineUrl = "https://spotkania.example.pl/m1" }, Ct);
        var movedView = await moved.Content.ReadFromJsonAsync<SessionView>(Ct);
        var bigger = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{session.Id}",
            Cohorts.Session(start.AddDays(1), start.AddDays(1).AddHours(3)) with { Form = "blended", OnlineUrl = "https://spotkania.example.pl/m1", Capacity = 40 }, Ct);
        var events = await ScheduledAsync(session.Id);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bigger.StatusCode);
        Assert.Equal(1, movedView!.Sequence);
        Assert.Equal(2, events.Count);
        var (first, second) = (events[0], events[1]);
        Assert.False(first.GetProperty("moved").GetBoolean());
        Assert.True(second.GetProperty("moved").GetBoolean());
        Assert.Equal(session.StartsAt, second.GetProperty("previousStartsAt").GetDateTimeOffset());
        Assert.Equal(session.StartsAt.AddDays(1), second.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("https://spotkania.example.pl/m1", second.GetProperty("onlineUrl").GetString());
        var attendees = first.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(team.Team.Select(m => m.Email).Append(trainer.Email).Order(), attendees.Select(a => a.GetProperty("email").GetString()).Order());
        Assert.Equal(1, attendees.Count(a => a.GetProperty("role").GetString() == "trainer"));
    }

    [Theory]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T10:00:00+02:00","endsAt":"2026-05-12T12:00:00+02:00","form":"stationary","place":"Sala","capacity":20}""", "startsAt")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-03-29T02:30","endsAt":"2026-03-29T04:00","form":"stationary","place":"Sala","capacity":20}""", "startsAt")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T12:00","endsAt":"2026-05-12T10:00","form":"stationary","place":"Sala","capacity":20}""", "endsAt")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"2026-05-12T12:00","form":"online","capacity":20}""", "onlineUrl")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"2026-05-12T12:00","form":"stationary","capacity":20}""", "place")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"2026-05-12T12:00","form":"online","onlineUrl":"javascript:alert(1)","capacity":20}""", "onlineUrl")]
    [InlineData("""{"moduleCode":"M1","startsAt":"2026-05-12T10:00","endsAt":"2026-05-12T12:00","form":"by-post","place":"Sala","capacity":0}""", "capacity")]
    public async Task Bad_sessions_are_400_with_the_field_that_is_wrong_and_nothing_is_scheduled(string json, string field)
    {
        var cohort = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Gromadka)).ApplicationId]);

        var response = await service.Operator().PostAsync($"/api/training/cohorts/{cohort.Id}/sessions",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM sessions WHERE cohort_id = @Id", new { cohort.Id }));
    }

    [Fact]
    public async Task A_module_the_cohorts_version_lacks_is_422_and_an_unknown_cohort_404()
    {
        var cohort = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Osiecznica)).ApplicationId]);
        var start = new DateTime(2026, 6, 1, 9, 0, 0);

        var missingModule = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{cohort.Id}/sessions",
            Cohorts.Session(start, start.AddHours(2), "M9"), Ct);
        var missingCohort = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{Guid.NewGuid()}/sessions",
            Cohorts.Session(start, start.AddHours(2)), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingModule.StatusCode);
        Assert.Contains("M9", await missingModule.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, missingCohort.StatusCode);
    }
}
