using Cro.Training.Features.Attendance;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Validation;
using Cro.ServiceDefaults;

namespace Cro.Training.Tests;

/// <summary>Question banks, cohorts with sessions on the service's clock, tests taken and attendance marked, as the people involved do it.</summary>
public static class Lms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A participant of a new cohort: their team, themselves, a client signed in as them, the cohort and its trainer and sessions.</summary>
    public sealed record Learner(ApplicationAccepted Team, TaskTeamMember Member, HttpClient Client, CohortView Cohort, TrainerInput Trainer,
        IReadOnlyList<SessionView> Sessions);

    /// <summary>The service's now plus <paramref name="fromNow"/> on Warsaw's wall clock, to the minute.</summary>
    public static DateTime WarsawAt(TrainingService service, TimeSpan fromNow)
    {
        var at = WarsawTime.InWarsaw(service.Clock.GetUtcNow() + fromNow).DateTime;
        return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
    }

    public static QuestionRequest Question(string outcome, string kind = QuestionKind.Single, int options = 3, params int[] correct) =>
        new(outcome, kind, $"Pytanie {Guid.NewGuid().ToString("N")[..6]}: które zdanie jest prawdziwe?", "Bo tak stanowi materiał modułu.",
            [.. Enumerable.Range(0, options).Select(i => new OptionInput($"Odpowiedź {(char)('A' + i)}", (correct.Length == 0 ? [0] : correct).Contains(i)))]);

    public static async Task<QuestionBankView> ReadBankAsync(TrainingService service, string module) =>
        (await service.Operator().GetFromJsonAsync<QuestionBankView>($"/api/training/modules/{module}/questions", Ct))!;

    /// <summary>Gives <paramref name="module"/> a bank of at least <paramref name="count"/> single-choice questions (adds what is missing).</summary>
    public static async Task<QuestionBankView> BankAsync(TrainingService service, string module, int count)
    {
        var bank = await ReadBankAsync(service, module);
        for (var i = bank.Questions.Count; i < count; i++)
        {
            var added = await service.Operator().PostAsJsonAsync($"/api/training/modules/{module}/questions",
                Question(i % 2 == 0 ? $"{module}.W1" : $"{module}.U1"), Ct);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        return await ReadBankAsync(service, module);
    }

    /// <summary>An accepted team of <paramref name="jst"/> in a new cohort with a trainer, and sessions (module, start from now, hours).</summary>
    public static async Task<Learner> CohortAsync(TrainingService service, string jst, params (string Module, TimeSpan StartsIn, decimal Hours)[] sessions)
    {
        var team = await Teams.AcceptAsync(service, jst);
        var trainer = Cohorts.Trainer();
        var cohort = await Cohorts.CreateAsync(service, [team.ApplicationId], trainer);
        var scheduled = new List<SessionView>();
        foreach (var (module, startsIn, hours) in sessions)
        {
            var start = WarsawAt(service, startsIn);
            var end = start.AddMinutes((double)(Math.Ceiling(hours * 2) * 30));
            scheduled.Add(await Cohorts.ScheduleAsync(service, cohort.Id, Cohorts.Session(start, end, module) with { Hours = hours }));
        }
        var member = team.Team[0];
        return new Learner(team, member, service.Member(member.Email, jst), cohort, trainer, scheduled);
    }

    public static Task<HttpResponseMessage> StartAsync(HttpClient client, string module, string kind) =>
        client.PostAsync($"/api/training/me/modules/{module}/tests/{kind}", null, Ct);

    public static async Task<AttemptView> StartedAsync(HttpClient client, string module, string kind)
    {
        var response = await StartAsync(client, module, kind);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<AttemptView>(Ct))!;
    }

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid attemptId, Guid questionId, params Guid[] options) =>
        client.PutAsJsonAsync($"/api/training/attempts/{attemptId}/answers/{questionId}", new SaveAnswer.SaveAnswerRequest(options), Ct);

    /// <summary>Answers the attempt's first <paramref name="right"/> questions right and the others wrong.</summary>
    public static async Task AnswerAsync(TrainingService service, HttpClient client, AttemptView attempt, int right)
    {
        var bank = (await ReadBankAsync(service, attempt.ModuleCode)).Questions.ToDictionary(q => q.Id);
        foreach (var (question, i) in attempt.Questions.Select((q, i) => (q, i)))
        {
            var options = bank[question.Id].Options.Where(o => o.IsCorrect == i < right).Select(o => o.Id).Take(i < right ? 10 : 1).ToArray();
            var saved = await AnswerAsync(client, attempt.Id, question.Id, options);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
    }

    public static async Task<AttemptView> FinishAsync(HttpClient client, Guid attemptId)
    {
        var response = await client.PostAsync($"/api/training/attempts/{attemptId}/finish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AttemptView>(Ct))!;
    }

    /// <summary>A whole test: started, <paramref name="right"/> questions answered right and the rest wrong, handed in.</summary>
    public static async Task<AttemptView> TakeAsync(TrainingService service, HttpClient client, string module, string kind, int right)
    {
        var attempt = await StartedAsync(client, module, kind);
        await AnswerAsync(service, client, attempt, right);
        return await FinishAsync(client, attempt.Id);
    }

    /// <summary>An operator records the participant's mark for a session that has ended (a correction, with its reason).</summary>
    public static async Task MarkAsync(TrainingService service, SessionView session, Guid participantId, string status = AttendanceStatus.Present)
    {
        var response = await service.Operator().PutAsJsonAsync($"/api/training/sessions/{session.Id}/attendance",
            new MarkAttendance.MarkAttendanceRequest([new MarkAttendance.MarkInput(participantId, status)], "Lista obecności podpisana na sali."), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Module hours of the seeded programme, as sessions of at most 8 hours that ended in the past days.</summary>
    private static readonly (string Module, decimal Hours)[] Programme = [("M1", 16m), ("M2", 8m), ("M3", 16m), ("M4", 16m), ("M5", 8m)];

    /// <summary>
    /// A participant who has attended every session of the programme (marked after the fact) and passed every post-test
    /// (no pre-test): the training is complete and the certificate issued.
    /// </summary>
    public static async Task<Learner> TrainedAsync(TrainingService service, string jst)
    {
        foreach (var (module, _) in Programme)
        {
            await BankAsync(service, module, 2);
        }
        var day = 0;
        var sessions = Programme.SelectMany(m => Enumerable.Range(0, (int)(m.Hours / 8)).Select(_ => (m.Module, TimeSpan.FromDays(-20 + day++), 8m))).ToArray();
        var learner = await CohortAsync(service, jst, sessions);
        foreach (var session in learner.Sessions)
        {
            await MarkAsync(service, session, learner.Member.MemberId);
        }
        foreach (var (module, _) in Programme)
        {
            await TakeAsync(service, learner.Client, module, TestKind.Post, right: 2);
        }
        return learner;
    }
}
