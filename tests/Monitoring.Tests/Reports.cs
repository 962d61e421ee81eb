using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Reports;
using static Cro.Monitoring.Tests.Plans;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What the report tests share: a JST whose plan (two priorities on the diagnosis's two findings, two goals, two actions)
/// the council adopted on a given day, the reports' paths, and entries that report every action and goal.
/// </summary>
internal static class Reports
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Report(Guid id) => $"{Diagnoses.Api}/reports/{id}";

    /// <summary>The plan as adopted, with the ids the tests report on.</summary>
    public sealed record AdoptedPlan(HttpClient Team, Guid PlanId, Accepted Diagnosis, PlanVersionView Version)
    {
        public PlanAction Laptops => Version.Content.Actions![0];
        public PlanAction WiFi => Version.Content.Actions![1];
        public PlanGoal PupilsPerComputer => Version.Content.Goals![0];
        public PlanGoal RoomsWithWiFi => Version.Content.Goals![1];
        public PlanPriority Devices => Version.Content.Priorities![0];
        public PlanPriority Network => Version.Content.Priorities![1];
    }

    /// <summary>Today in Warsaw, by the service's clock.</summary>
    public static DateOnly Today(this MonitoringService service) => ReportingSchedule.WarsawDay(service.Clock.GetUtcNow());

    /// <summary>
    /// Two priorities, each on one finding; goals "pupils per computer" 9.5 → 6 and "classrooms with Wi-Fi" 40 → 100 %; the
    /// laptops (150,000 PLN) for the first goal and the Wi-Fi (80,000 PLN) for the second.
    /// </summary>
    public static object Content(Accepted diagnosis)
    {
        var (devices, network, pupils, wifi) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        return new
        {
            summary = "Plan cyfryzacji szkół gminy.",
            priorities = new[]
            {
                new { id = devices, title = "Sprzęt dla uczniów", description = "Więcej komputerów.", findingIds = new[] { diagnosis.FindingIds[0] } },
                new { id = network, title = "Sieć w szkołach", description = "Wi-Fi w każdej sali.", findingIds = new[] { diagnosis.FindingIds[1] } },
            },
            goals = new[]
            {
                new { id = pupils, priorityId = devices, title = "Mniej uczniów na komputer", indicator = "figure:pupils_per_computer", unit = "uczniów",
                    baseline = 9.5m, target = 6m, targetDate = new DateOnly(2027, 6, 30) },
                new { id = wifi, priorityId = network, title = "Sale z Wi-Fi", indicator = "Sale lekcyjne z Wi-Fi", unit = "%",
                    baseline = 40m, target = 100m, targetDate = new DateOnly(2027, 12, 31) },
            },
            actions = new[]
            {
                new
                {
                    priorityId = devices, goalIds = new[] { pupils }, title = "Zakup laptopów", owner = "Wydział Edukacji",
                    schoolIds = new[] { diagnosis.SchoolIds[0] }, startsOn = new DateOnly(2026, 1, 1), endsOn = new DateOnly(2027, 6, 30), totalBudget = 150_000m,
                    budget = new[] { new { year = 2026, source = "fers", amount = 100_000m }, new { year = 2027, source = "jst", amount = 50_000m } },
                },
                new
                {
                    priorityId = network, goalIds = new[] { wifi }, title = "Wi-Fi w salach", owner = "Referat inwestycji",
                    schoolIds = new[] { diagnosis.SchoolIds[1] }, startsOn = new DateOnly(2026, 1, 1), endsOn = new DateOnly(2027, 12, 31), totalBudget = 80_000m,
                    budget = new[] { new { year = 2026, source = "jst", amount = 80_000m } },
                },
            },
            managementTools = new[] { "device-inventory" },
            risks = Array.Empty<object>(),
        };
    }

    /// <summary>The JST's plan written, consulted and adopted by its council on <paramref name="adoptedOn"/>.</summary>
    public static async Task<AdoptedPlan> AdoptedPlanAsync(this MonitoringService service, string terc, DateOnly adoptedOn)
    {
        var (team, diagnosis, plan) = await service.StartedPlanAsync(terc);
        var saved = await team.SaveAsync(plan.Id, 1, Content(diagnosis));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        // As a closed consultation leaves it.
        await service.QueryAsync<int>("UPDATE plan_versions SET status = 'revised' WHERE plan_id = @Id AND number = 1; SELECT 1;", new { plan.Id });
        var adopted = await team.PostAsJsonAsync($"{Plan(plan.Id)}/adopt", new { adoptedOn, resolutionNumber = "XX/1/2026" }, Ct);
        Assert.True(adopted.StatusCode == HttpStatusCode.OK, await adopted.Content.ReadAsStringAsync(Ct));
        var view = (await adopted.Content.ReadFromJsonAsync<PlanView>(Ct))!;
        return new AdoptedPlan(team, plan.Id, diagnosis, view.Current);
    }

    public static async Task<GetReport.PlanReports> ReportsAsync(this HttpClient client, Guid planId) =>
        (await client.GetFromJsonAsync<GetReport.PlanReports>($"{Plan(planId)}/reports", Ct))!;

    public static async Task<ReportView> ReportAsync(this HttpClient client, Guid reportId) =>
        (await client.GetFromJsonAsync<ReportView>(Report(reportId), Ct))!;

    public static Task<HttpResponseMessage> SaveReportAsync(this HttpClient team, Guid reportId, int revision, object content) =>
        team.PutAsJsonAsync($"{Report(reportId)}/content?revision={revision}", content, Ct);

    public static Task<HttpResponseMessage> SubmitReportAsync(this HttpClient team, Guid reportId) => team.PostAsync($"{Report(reportId)}/submit", null, Ct);

    /// <summary>Every action and goal of the plan reported: the laptops under way, the Wi-Fi done.</summary>
    public static object Complete(AdoptedPlan plan, int laptopsProgress = 40, decimal pupilsPerComputer = 8m) => new
    {
        summary = "Kwartał zgodnie z planem.",
        actions = new object[]
        {
            new { actionId = plan.Laptops.Id, status = "in-progress", progress = laptopsProgress, spent = 60_000m,
                spentBySource = new[] { new { source = "fers", amount = 60_000m } }, evidenceUrl = "https://gmina.example.pl/przetarg-laptopy" },
            new { actionId = plan.WiFi.Id, status = "done", progress = 100, spent = 80_000m, comment = "Odbiór końcowy." },
        },
        goals = new[]
        {
            new { goalId = plan.PupilsPerComputer.Id, value = pupilsPerComputer, comment = (string?)null },
            new { goalId = plan.RoomsWithWiFi.Id, value = 100m, comment = (string?)"Wszystkie sale." },
        },
    };

    /// <summary>The end of a Warsaw day, computed here from the zone's rules: the instant the next day's midnight happens.</summary>
    public static DateTimeOffset EndOfWarsawDay(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>Runs the deadline check at <paramref name="now"/> until it finds nothing more; how many reports it handled.</summary>
    public static async Task<int> CheckDeadlinesAsync(this MonitoringService service, DateTimeOffset now)
    {
        var deadlines = service.Factory.Services.GetRequiredService<ReportDeadlines>();
        var (total, handled) = (0, 0);
        while ((handled = await deadlines.CheckAsync(now, Ct)) > 0)
        {
            total += handled;
        }
        return total;
    }
}
