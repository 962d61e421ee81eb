using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Cro.Monitoring.Features.Reports;
using static Cro.Monitoring.Tests.Reports;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Reports not submitted by their due moment: overdue exactly from the end of the Warsaw due day (also on a day the clocks
/// change), announced once, the JST's coordinator mailed then and a week after each mail while it stays unsubmitted,
/// never twice in a week and never after the submission; once per report however many replicas check; found by the
/// service's own periodic check; listed for ORE with the days overdue and the reminders; ORE moving a due day and
/// changing the cadence of plans adopted later.
/// </summary>
public sealed class OverdueReportTests(DeadlineMonitoringService service) : IClassFixture<DeadlineMonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<IReadOnlyList<JsonElement>> OverdueAnnouncedAsync(Guid reportId) =>
        service.EventsAsync(nameof(ReportOverdue), e => e.GetProperty("reportId").GetGuid() == reportId);

    private Task<IReadOnlyList<JsonElement>> RemindersAsync(Guid reportId) =>
        service.EventsAsync(nameof(ReportReminderMailRequested), e => e.GetProperty("reportId").GetGuid() == reportId);

    /// <summary>The first day after <paramref name="from"/> on which Warsaw's clocks change (a day of 23 or 25 hours).</summary>
    private static DateOnly NextClockChange(DateOnly from)
    {
        var day = from.AddDays(1);
        while (EndOfWarsawDay(day) - EndOfWarsawDay(day.AddDays(-1)) == TimeSpan.FromDays(1))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    [Fact]
    public async Task A_report_is_overdue_from_the_end_of_its_Warsaw_due_day_on_a_clock_change_day_too_and_its_coordinator_is_mailed_then_and_weekly()
    {
        var plan = await service.AdoptedPlanAsync("9930011", service.Today().AddDays(-100));
        var first = (await plan.Team.ReportsAsync(plan.PlanId)).Reports[0];
        Assert.Equal(EndOfWarsawDay(first.DueOn), first.DueAt);

        // ORE moves the due day to the next day the clocks change: the report is due to that day's own midnight.
        var changeDay = NextClockChange(service.Today());
        var moved = await service.Operator().PutAsJsonAsync($"{Report(first.Id)}/due-date", new { dueOn = changeDay }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var report = (await moved.Content.ReadFromJsonAsync<ReportView>(Ct))!;
        var dueAt = report.DueAt;
        Assert.Equal((changeDay, EndOfWarsawDay(changeDay)), (report.DueOn, dueAt));
        Assert.Equal(changeDay.Month == 3 ? 22 : 23, dueAt.UtcDateTime.Hour);
        Assert.Equal(("due-moved", $"{first.DueOn:yyyy-MM-dd} → {changeDay:yyyy-MM-dd}"), (report.History[^1].Action, report.History[^1].Text));

        // A second before the end of the due day: not overdue.
        await service.CheckDeadlinesAsync(dueAt.AddSeconds(-1));
        Assert.Empty(await OverdueAnnouncedAsync(first.Id));
        Assert.Empty(await RemindersAsync(first.Id));

        // A second after: overdue, announced once, the coordinator mailed; checking again changes nothing.
        await service.CheckDeadlinesAsync(dueAt.AddSeconds(1));
        await service.CheckDeadlinesAsync(dueAt.AddSeconds(1));
        await service.CheckDeadlinesAsync(dueAt.AddDays(3));
        await service.CheckDeadlinesAsync(dueAt.AddSeconds(1).AddDays(7).AddSeconds(-1));
        var announced = Assert.Single(await OverdueAnnouncedAsync(first.Id));
        var mailed = Assert.Single(await RemindersAsync(first.Id));
        Assert.Equal((plan.PlanId, "9930011", 1, changeDay), (announced.GetProperty("planId").GetGuid(), announced.GetProperty("jstTerc").GetString(),
            announced.GetProperty("period").GetInt32(), DateOnly.Parse(announced.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((1, 1, "https://cro.test/"), (mailed.GetProperty("reminder").GetInt32(), mailed.GetProperty("daysOverdue").GetInt32(),
            mailed.GetProperty("platformUrl").GetString()));

        // A week after the mail, the next one; not sooner, and not twice that week.
        await service.CheckDeadlinesAsync(dueAt.AddSeconds(1).AddDays(7));
        await service.CheckDeadlinesAsync(dueAt.AddDays(10));
        Assert.Equal([(1, 1), (2, 8)], (await RemindersAsync(first.Id)).Select(e => (e.GetProperty("reminder").GetInt32(), e.GetProperty("daysOverdue").GetInt32())));
        Assert.Single(await OverdueAnnouncedAsync(first.Id));
        Assert.Equal([2], await service.QueryAsync<int>("SELECT reminders_sent FROM reports WHERE id = @Id", new { first.Id }));

        // Submitted, it is no longer reminded of.
        Assert.Equal(HttpStatusCode.OK, (await plan.Team.SaveReportAsync(first.Id, 1, Complete(plan))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plan.Team.SubmitReportAsync(first.Id)).StatusCode);
        await service.CheckDeadlinesAsync(dueAt.AddDays(30));
        Assert.Equal(2, (await RemindersAsync(first.Id)).Count);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Operator().PutAsJsonAsync($"{Report(first.Id)}/due-date", new { dueOn = changeDay }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Replicas_checking_at_the_same_moment_announce_each_overdue_report_once_and_mail_its_coordinator_once()
    {
        var firsts = new List<GetReport.ReportListItem>();
        foreach (var terc in new[] { "9930022", "9930023", "9930024" })
        {
            var plan = await service.AdoptedPlanAsync(terc, service.Today().AddDays(-100));
            firsts.Add((await plan.Team.ReportsAsync(plan.PlanId)).Reports[0]);
        }
        var now = firsts.Max(r => r.DueAt).AddSeconds(1);

        // Four replicas at once (the service's own check besides), each taking one report per transaction.
        var deadlines = service.Factory.Services.GetRequiredService<ReportDeadlines>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => service.CheckDeadlinesAsync(now), Ct)));

        foreach (var report in firsts)
        {
            Assert.Single(await OverdueAnnouncedAsync(report.Id));
            Assert.Equal(1, Assert.Single(await RemindersAsync(report.Id)).GetProperty("reminder").GetInt32());
        }
        Assert.Equal(0, await deadlines.CheckAsync(now, Ct));
    }

    [Fact]
    public async Task The_service_finds_overdue_reports_by_itself_and_ORE_lists_them_with_the_JST_days_overdue_and_reminders_until_submitted()
    {
        await service.AddJstAsync("9930033", "rural-municipality");
        var plan = await service.AdoptedPlanAsync("9930033", new DateOnly(2026, 1, 31));
        var now = service.Clock.GetUtcNow();
        var due = (await plan.Team.ReportsAsync(plan.PlanId)).Reports.Where(r => r.DueAt <= now).ToList();
        Assert.True(due.Count >= 3, "The first three quarters of a plan adopted on 31 January 2026 are past due.");

        // The check that runs every second marks them and mails the coordinator, without anyone asking.
        foreach (var report in due)
        {
            await Eventually.GetAsync(() => RemindersAsync(report.Id), e => e.Count == 1, what: $"the reminder about period {report.Number}");
            Assert.Single(await OverdueAnnouncedAsync(report.Id));
        }
        var listed = (await service.Operator().GetFromJsonAsync<OverdueReports.Page>($"{Diagnoses.Api}/reports/overdue?jstTerc=9930033", Ct))!;
        var today = service.Today();
        Assert.Equal(due.Select(r => r.Id), listed.Items.Select(i => i.ReportId));
        Assert.All(listed.Items, i => Assert.Equal(("Gmina Testowa 9930033", 1, "draft"), (i.JstName, i.RemindersSent, i.Status)));
        Assert.Equal(due.Select(r => today.DayNumber - r.DueOn.DayNumber), listed.Items.Select(i => i.DaysOverdue));
        Assert.Equal(new DateOnly(2026, 5, 29), listed.Items[0].DueOn);
        Assert.True(listed.Items.All(i => i.OverdueAt is not null));

        // Paged: one at a time, from where the page before ended.
        var page = (await service.Operator().GetFromJsonAsync<OverdueReports.Page>($"{Diagnoses.Api}/reports/overdue?jstTerc=9930033&limit=1", Ct))!;
        var next = (await service.Operator().GetFromJsonAsync<OverdueReports.Page>(
            $"{Diagnoses.Api}/reports/overdue?jstTerc=9930033&limit=1&cursor={page.NextCursor}", Ct))!;
        Assert.Equal([due[0].Id, due[1].Id], [page.Items.Single().ReportId, next.Items.Single().ReportId]);
        Assert.Equal(["cursor"], (await (await service.Operator().GetAsync($"{Diagnoses.Api}/reports/overdue?cursor=zepsuty", Ct)).ErrorsAsync()).Keys);

        // Submitted late, the first leaves the list; the submission says it was late.
        Assert.Equal(HttpStatusCode.OK, (await plan.Team.SaveReportAsync(due[0].Id, 1, Complete(plan))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plan.Team.SubmitReportAsync(due[0].Id)).StatusCode);
        var submitted = Assert.Single(await service.EventsAsync(nameof(ReportSubmitted), e => e.GetProperty("reportId").GetGuid() == due[0].Id));
        Assert.True(submitted.GetProperty("late").GetBoolean());
        var after = (await service.Operator().GetFromJsonAsync<OverdueReports.Page>($"{Diagnoses.Api}/reports/overdue?jstTerc=9930033", Ct))!;
        Assert.Equal(due.Skip(1).Select(r => r.Id), after.Items.Select(i => i.ReportId));
        var seen = await plan.Team.ReportAsync(due[0].Id);
        Assert.Equal((false, 0, 1), (seen.Overdue, seen.DaysOverdue, seen.RemindersSent));
    }

    [Fact]
    public async Task ORE_changes_the_cadence_for_plans_adopted_afterwards()
    {
        var ore = service.Operator();
        var initial = (await ore.GetFromJsonAsync<ReportScheduleRules.Schedule>($"{Diagnoses.Api}/report-schedule", Ct))!;
        Assert.Equal(ReportingSchedule.Default, initial.Rules);
        var monthly = new { rules = new[] { new { phase = "project", months = 1, periods = 2, dueDays = 10 }, new { phase = "post-project", months = 12, periods = 1, dueDays = 60 } } };
        var disordered = new { rules = new[] { new { phase = "post-project", months = 6, periods = 4, dueDays = 30 }, new { phase = "project", months = 3, periods = 4, dueDays = 30 } } };

        Assert.Equal(["rules"], (await (await ore.PutAsJsonAsync($"{Diagnoses.Api}/report-schedule", disordered, Ct)).ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Team("9930044").PutAsJsonAsync($"{Diagnoses.Api}/report-schedule", monthly, Ct)).StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await ore.PutAsJsonAsync($"{Diagnoses.Api}/report-schedule", monthly, Ct)).StatusCode);
            var adoptedOn = service.Today();
            var plan = await service.AdoptedPlanAsync("9930044", adoptedOn);

            var reports = (await plan.Team.ReportsAsync(plan.PlanId)).Reports;
            Assert.Equal(
            [
                ("project", adoptedOn, adoptedOn.AddMonths(1).AddDays(-1), adoptedOn.AddMonths(1).AddDays(9)),
                ("project", adoptedOn.AddMonths(1), adoptedOn.AddMonths(2).AddDays(-1), adoptedOn.AddMonths(2).AddDays(9)),
                ("post-project", adoptedOn.AddMonths(2), adoptedOn.AddMonths(14).AddDays(-1), adoptedOn.AddMonths(14).AddDays(59)),
            ], reports.Select(r => (r.Phase, r.StartsOn, r.EndsOn, r.DueOn)));
        }
        finally
        {
            var restore = new { rules = ReportingSchedule.Default };
            Assert.Equal(HttpStatusCode.OK, (await ore.PutAsJsonAsync($"{Diagnoses.Api}/report-schedule", restore, Ct)).StatusCode);
        }
    }
}
