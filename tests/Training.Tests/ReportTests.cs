using Cro.Training.Features.Progress;
using Cro.Training.Features.Validation;

namespace Cro.Training.Tests;

/// <summary>Results per participant and per cohort, the learning-gain report, and the downloads an audit asks for.</summary>
public sealed class ReportTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Two people of one team in a cohort with M2 (8 hours, one session): the first scores nothing before and everything
    /// after, the second everything both times; the first was present, the second not.
    /// </summary>
    private async Task<(Lms.Learner Learner, HttpClient Second)> CohortWithResultsAsync()
    {
        await Lms.BankAsync(service, "M2", 5);
        var learner = await Lms.CohortAsync(service, Teams.Boleslawiec, ("M2", TimeSpan.FromHours(1), 8m));
        var second = service.Member(learner.Team.Team[1].Email, Teams.Boleslawiec);
        await Lms.TakeAsync(service, learner.Client, "M2", TestKind.Pre, right: 0);
        await Lms.TakeAsync(service, second, "M2", TestKind.Pre, right: 5);
        service.Clock.Advance(TimeSpan.FromDays(1));
        await Lms.MarkAsync(service, learner.Sessions[0], learner.Member.MemberId);
        await Lms.TakeAsync(service, learner.Client, "M2", TestKind.Post, right: 5);
        await Lms.TakeAsync(service, second, "M2", TestKind.Post, right: 5);
        return (learner, second);
    }

    [Fact]
    public async Task A_participant_sees_their_own_results_and_the_cohorts_trainer_everyones()
    {
        var (learner, _) = await CohortWithResultsAsync();

        var mine = Assert.Single((await learner.Client.GetFromJsonAsync<List<TrainingResults.CohortResults>>("/api/training/me/results", Ct))!);
        var cohort = await service.Trainer(learner.Trainer.Email).GetFromJsonAsync<TrainingResults.CohortResults>(
            $"/api/training/cohorts/{learner.Cohort.Id}/results", Ct);
        var otherTrainer = await service.Trainer(Cohorts.Trainer().Email).GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/results", Ct);
        var participant = await learner.Client.GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/results", Ct);

        var me = Assert.Single(mine.Participants);
        Assert.Equal((learner.Member.MemberId, 60m, 80m), (me.ParticipantId, mine.Rules.PostTestThreshold, mine.Rules.AttendanceThreshold));
        var m2 = me.Modules.Single(m => m.ModuleCode == "M2");
        Assert.Equal((8m, 100m, 0m, 100m, true, true, true), (m2.AttendedHours, m2.AttendancePercent, m2.PreTestScore!.Value, m2.PostTestScore!.Value,
            m2.Validated, m2.Raised, m2.Complete));
        Assert.False(me.TrainingComplete);
        Assert.Equal(3, cohort!.Participants.Count);
        var second = cohort.Participants.Single(p => p.ParticipantId == learner.Team.Team[1].MemberId).Modules.Single(m => m.ModuleCode == "M2");
        Assert.Equal((0m, true, false, false), (second.AttendedHours, second.Validated, second.Raised, second.Complete));
        Assert.Equal(HttpStatusCode.NotFound, otherTrainer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
    }

    [Fact]
    public async Task The_learning_gain_compares_pre_and_post_per_module_and_per_learning_outcome()
    {
        var (learner, _) = await CohortWithResultsAsync();

        var report = await service.Operator().GetFromJsonAsync<LearningGain.Report>($"/api/training/cohorts/{learner.Cohort.Id}/learning-gain", Ct);

        var m2 = report!.Modules.Single(m => m.ModuleCode == "M2");
        Assert.Equal((2, 50m, 2, 100m, 50m), (m2.PreTests, m2.PreAverage!.Value, m2.PostTests, m2.PostAverage!.Value, m2.Gain!.Value));
        var knowledge = m2.Outcomes.Single(o => o.OutcomeCode == "M2.W1");
        Assert.Equal((50m, 100m, 50m, "knowledge"), (knowledge.Pre!.Value, knowledge.Post!.Value, knowledge.Gain!.Value, knowledge.Category));
        Assert.Equal((50m, 100m), (m2.Outcomes.Single(o => o.OutcomeCode == "M2.U1").Pre!.Value, m2.Outcomes.Single(o => o.OutcomeCode == "M2.U1").Post!.Value));
        Assert.Null(m2.Outcomes.Single(o => o.OutcomeCode == "M2.K1").Gain);
        Assert.Null(report.Modules.Single(m => m.ModuleCode == "M1").PreAverage);
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Trainer(Cohorts.Trainer().Email).GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/learning-gain", Ct)).StatusCode);
    }

    [Fact]
    public async Task Attendance_lists_and_results_download_as_CSV_and_XLSX_with_a_signature_column()
    {
        var (learner, _) = await CohortWithResultsAsync();
        var trainer = service.Trainer(learner.Trainer.Email);

        var sessionCsv = await trainer.GetAsync($"/api/training/sessions/{learner.Sessions[0].Id}/attendance/export?format=csv", Ct);
        var cohortXlsx = await trainer.GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/attendance/export?format=xlsx", Ct);
        var resultsCsv = await service.Operator().GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/results/export", Ct);
        var wrongFormat = await trainer.GetAsync($"/api/training/cohorts/{learner.Cohort.Id}/results/export?format=pdf", Ct);
        var otherTrainer = await service.Trainer(Cohorts.Trainer().Email).GetAsync($"/api/training/sessions/{learner.Sessions[0].Id}/attendance/export", Ct);

        var lines = (await sessionCsv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", sessionCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Imię i nazwisko,JST,Kod TERYT,Data,Godziny,Moduł,Obecność,Podpis", lines[0].TrimEnd('\r'));
        Assert.Equal(4, lines.Length);
        var row = lines.Single(l => l.StartsWith(learner.Member.FullName, StringComparison.Ordinal)).TrimEnd('\r');
        Assert.Contains($",{Teams.Boleslawiec},{learner.Sessions[0].StartsAt:yyyy-MM-dd HH:mm}–", row);
        Assert.EndsWith(",8,M2 Wykluczenie cyfrowe dzieci i uczniów,obecny(-a),", row);
        Assert.Equal(HttpStatusCode.OK, cohortXlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", cohortXlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await cohortXlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);
        var results = await resultsCsv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Nr zaświadczenia", results);
        Assert.Contains($"{learner.Member.FullName},Gmina {Teams.Boleslawiec},{Teams.Boleslawiec},{learner.Member.Sex},M2 Wykluczenie cyfrowe dzieci i uczniów,8,8,100,0,100,1,tak,tak,tak,nie,", results);
        Assert.Equal(HttpStatusCode.BadRequest, wrongFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTrainer.StatusCode);
    }
}
