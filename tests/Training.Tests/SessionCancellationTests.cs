using Cro.Training.Features.Calendar;
using Cro.Training.Features.Materials;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Validation;
using Ical.Net;
using Cro.ServiceDefaults;

namespace Cro.Training.Tests;

public sealed class SessionCancellationTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> CancelAsync(Guid sessionId, string reason = "Trener zachorował; podamy nowy termin.") =>
        service.Operator().PostAsJsonAsync($"/api/training/sessions/{sessionId}/cancel", new CancelSession.CancelSessionRequest(reason), Ct);

    [Fact]
    public async Task Cancelled_session_is_announced_once_and_leaves_the_calendar_as_cancelled()
    {
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M1", TimeSpan.FromMinutes(10), 2m), ("M1", TimeSpan.FromDays(7), 2m));
        var session = learner.Sessions[0];
        var feed = await (await learner.Client.PostAsync("/api/training/me/calendar-feed", null, Ct)).Content.ReadFromJsonAsync<CalendarFeed.Issued>(Ct);

        var first = await CancelAsync(session.Id);
        var again = await CancelAsync(session.Id);
        var calendar = Calendar.Load(await service.Anonymous.GetStringAsync(feed!.Url.PathAndQuery, Ct))!;
        var checkIn = await learner.Client.PostAsJsonAsync("/api/training/check-in",
            new Features.Attendance.CheckIn.CheckInRequest((await service.Operator().GetFromJsonAsync<CheckInCode.CheckInCodeResponse>(
                $"/api/training/sessions/{session.Id}/check-in-code", Ct))!.Code), Ct);
        var marks = await service.Trainer(learner.Trainer.Email).PutAsJsonAsync($"/api/training/sessions/{session.Id}/attendance",
            new Features.Attendance.MarkAttendance.MarkAttendanceRequest([new(learner.Member.MemberId, "present")]), Ct);
        var move = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{session.Id}",
            Cohorts.Session(Lms.WarsawAt(service, TimeSpan.FromDays(3)), Lms.WarsawAt(service, TimeSpan.FromDays(3) + TimeSpan.FromHours(2))), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var view = (await first.Content.ReadFromJsonAsync<SessionView>(Ct))!;
        Assert.NotNull(view.CancelledAt);
        Assert.Equal("Trener zachorował; podamy nowy termin.", view.CancellationReason);
        var announced = Assert.Single(await service.EventsAsync("SessionCancelled", e => e.GetProperty("sessionId").GetGuid() == session.Id));
        Assert.Equal(session.Id, announced.GetProperty("sessionId").GetGuid());
        Assert.Equal(1, announced.GetProperty("sequence").GetInt32());
        var to = announced.GetProperty("attendees").EnumerateArray().Select(a => (a.GetProperty("email").GetString(), a.GetProperty("role").GetString())).ToList();
        Assert.Equal(4, to.Count);
        Assert.Contains((learner.Trainer.Email, "trainer"), to);
        Assert.Contains((learner.Member.Email, "participant"), to);

        var cancelled = calendar.Events.Single(e => e.Uid == $"{session.Id}@cro-training");
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.StartsWith("ODWOŁANE", cancelled.Summary);
        Assert.Equal(EventStatus.Confirmed, calendar.Events.Single(e => e.Uid == $"{learner.Sessions[1].Id}@cro-training").Status);

        Assert.Equal(HttpStatusCode.Conflict, checkIn.StatusCode);
        Assert.Contains("odwołane", await checkIn.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, marks.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT participant_id FROM attendance WHERE session_id = @Id", new { session.Id }));
    }

    [Fact]
    public async Task A_cancelled_session_counts_for_no_hours_and_no_longer_closes_the_pre_test()
    {
        await Lms.BankAsync(service, "M2", 2);
        var learner = await Lms.CohortAsync(service, Teams.Gromadka, ("M2", TimeSpan.FromMinutes(10), 2m), ("M2", TimeSpan.FromDays(5), 2m));

        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(learner.Sessions[0].Id)).StatusCode);
        service.Clock.Advance(TimeSpan.FromMinutes(30));
        // The module's first session is now the one in five days: the pre-test is still open.
        var pre = await Lms.StartAsync(learner.Client, "M2", TestKind.Pre);
        var cohorts = await service.Operator().GetFromJsonAsync<List<Features.Cohorts.GetCohorts.CohortSummary>>("/api/training/cohorts", Ct);

        Assert.Equal(HttpStatusCode.Created, pre.StatusCode);
        Assert.Equal(learner.Sessions[1].StartsAt, cohorts!.Single(c => c.Id == learner.Cohort.Id).NextSessionAt);
    }

    [Fact]
    public async Task A_session_that_took_place_cannot_be_cancelled_and_a_cancellation_needs_a_reason()
    {
        var learner = await Lms.CohortAsync(service, Teams.Osiecznica, ("M3", TimeSpan.FromHours(-5), 2m));

        var past = await CancelAsync(learner.Sessions[0].Id);
        var noReason = await CancelAsync(learner.Sessions[0].Id, reason: " ");
        var unknown = await CancelAsync(Guid.CreateVersion7());
        var byTrainer = await service.Trainer(learner.Trainer.Email).PostAsJsonAsync($"/api/training/sessions/{learner.Sessions[0].Id}/cancel",
            new CancelSession.CancelSessionRequest("Nie ma sali."), Ct);

        Assert.Equal(HttpStatusCode.Conflict, past.StatusCode);
        Assert.True(noReason.StatusCode == HttpStatusCode.BadRequest, await noReason.Content.ReadAsStringAsync(Ct));
        var why = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.True(why.Contains("powód odwołania"), why);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrainer.StatusCode);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM sessions WHERE id = @Id AND cancelled_at IS NOT NULL", new { learner.Sessions[0].Id }));
    }

    [Fact]
    public async Task The_next_sessions_are_public_with_their_dates_and_form_and_nothing_about_people_or_places()
    {
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M4", TimeSpan.FromDays(20), 3m), ("M4", TimeSpan.FromDays(21), 3m));
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(learner.Sessions[1].Id)).StatusCode);

        var response = await service.Anonymous.GetAsync("/api/training/public/sessions?limit=50", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var sessions = (await response.Content.ReadFromJsonAsync<List<UpcomingSessions.PublicSession>>(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = Assert.Single(sessions, s => s.ModuleCode == "M4");
        Assert.Equal((learner.Sessions[0].StartsAt, "stationary"), (next.StartsAt, next.Form));
        Assert.Equal(WarsawTime.Zone.GetUtcOffset(next.StartsAt), next.StartsAt.Offset);
        Assert.All(sessions, s => Assert.True(s.StartsAt > DateTimeOffset.UtcNow));
        Assert.DoesNotContain(learner.Cohort.Name, json);
        Assert.DoesNotContain("Starostwo", json);
        Assert.DoesNotContain(learner.Trainer.Email, json);
        Assert.DoesNotContain(learner.Member.FullName, json);
    }

    [Fact]
    public async Task Each_module_says_whether_its_tests_can_be_taken_and_the_programme_is_public_in_plain_words()
    {
        await Lms.BankAsync(service, "M5", 1);
        var team = await Teams.AcceptAsync(service, Teams.Gromadka);

        var readiness = (await service.Member(team.Team[0].Email, Teams.Gromadka)
            .GetFromJsonAsync<List<TestReadiness.ModuleTestReadiness>>("/api/training/tests/readiness", Ct))!;
        var anonymous = await service.Anonymous.GetAsync("/api/training/tests/readiness", Ct);
        var materials = await service.Anonymous.GetFromJsonAsync<List<MaterialView>>("/api/training/public/materials", Ct);
        var lesson = await service.Anonymous.GetFromJsonAsync<MaterialView>($"/api/training/public/materials/{materials![0].Id}", Ct);

        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], readiness.Select(m => m.ModuleCode));
        Assert.True(readiness.Single(m => m.ModuleCode == "M5").Ready);
        Assert.False(readiness.Single(m => m.ModuleCode == "M1").Ready);
        Assert.Equal(0, readiness.Single(m => m.ModuleCode == "M1").Questions);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], materials.Where(m => m.Kind == "lesson").Select(m => m.ModuleCode));
        Assert.All(materials, m => Assert.True(m.IsPublic));
        Assert.StartsWith("O module: ", lesson!.Title);
        Assert.Contains("Po module uczestnik", lesson.Html);
        Assert.DoesNotContain("M1.W1", lesson.Html);
    }
}
