using System.Net;
using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What the plan tests share: a JST whose diagnosis the advisor has accepted (put into the database as the diagnosis's own
/// migrations keep it — the diagnosis's path has its own tests), a started plan, and content that is valid as it stands.
/// </summary>
internal static class Plans
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Plan(Guid id) => $"{Diagnoses.Api}/plans/{id}";

    public sealed record Accepted(Guid DiagnosisId, IReadOnlyList<Guid> FindingIds, IReadOnlyList<Guid> SchoolIds);

    /// <summary>The JST's accepted baseline diagnosis with two findings, and its two schools.</summary>
    public static async Task<Accepted> AcceptedDiagnosisAsync(this MonitoringService service, string terc)
    {
        var schools = await service.AddSchoolsAsync(terc, 2);
        var (diagnosisId, findings) = (Guid.CreateVersion7(), new[] { Guid.CreateVersion7(), Guid.CreateVersion7() });
        await service.QueryAsync<int>("""
            INSERT INTO diagnoses (id, jst_terc, kind, instrument_version, started_at, status, round, submitted_at, accepted_at)
            VALUES (@diagnosisId, @terc, 'baseline', 1, now() - interval '60 days', 'accepted', 1, now() - interval '7 days', now() - interval '1 day');
            INSERT INTO diagnosis_findings (id, diagnosis_id, jst_terc, title, text, priority, section_keys, question_keys, figure_keys, created_at, updated_at)
            SELECT f, @diagnosisId, @terc, 'Ustalenie ' || n, 'Opis ustalenia ' || n, 'high', '{}', '{}', '{figure:pupils_per_computer}', now(), now()
            FROM unnest(@findings) WITH ORDINALITY AS x(f, n);
            SELECT 1;
            """, new { diagnosisId, terc, findings });
        return new Accepted(diagnosisId, findings, schools);
    }

    /// <summary>The team of a JST with an accepted diagnosis, and the plan it started.</summary>
    public static async Task<(HttpClient Team, Accepted Diagnosis, PlanView Plan)> StartedPlanAsync(this MonitoringService service, string terc)
    {
        var accepted = await service.AcceptedDiagnosisAsync(terc);
        var team = service.Team(terc);
        var response = await team.PostAsync($"{Diagnoses.Api}/plans", null, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (team, accepted, (await response.Content.ReadFromJsonAsync<PlanView>(Ct))!);
    }

    /// <summary>
    /// One priority on the first finding, its goal (pupils per computer from 9.5 to 6 by mid-2027), an action for the first school
    /// in 2026–2027 of 150,000 PLN (100,000 from FERS in 2026, 50,000 of the JST's own in 2027), a tool and a risk.
    /// </summary>
    public static object Content(Accepted diagnosis)
    {
        var (priority, goal) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        return new
        {
            summary = "Plan cyfryzacji szkół gminy na lata 2026–2028.",
            priorities = new[] { new { id = priority, title = "Sprzęt dla uczniów", description = "Więcej komputerów w szkołach.", findingIds = new[] { diagnosis.FindingIds[0] } } },
            goals = new[]
            {
                new { id = goal, priorityId = priority, title = "Mniej uczniów na komputer", indicator = "figure:pupils_per_computer", unit = "uczniów",
                    baseline = (decimal?)9.5m, target = (decimal?)6m, targetDate = (DateOnly?)new DateOnly(2027, 6, 30) },
            },
            actions = new[]
            {
                new
                {
                    priorityId = priority, goalIds = new[] { goal }, title = "Zakup laptopów", description = "Pracownia mobilna.", owner = "Wydział Edukacji",
                    schoolIds = new[] { diagnosis.SchoolIds[0] }, startsOn = new DateOnly(2026, 9, 1), endsOn = new DateOnly(2027, 6, 30), totalBudget = 150_000m,
                    budget = new[] { new { year = 2026, source = "fers", amount = 100_000m }, new { year = 2027, source = "jst", amount = 50_000m } },
                },
            },
            managementTools = new[] { "equipment-standard", "device-inventory" },
            otherManagementTools = (string?)null,
            risks = new[] { new { description = "Opóźnienie dostaw sprzętu.", likelihood = "medium", impact = "high", mitigation = "Zamówienie z wyprzedzeniem." } },
        };
    }

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient team, Guid planId, int revision, object content) =>
        team.PutAsJsonAsync($"{Plan(planId)}/content?revision={revision}", content, Ct);
}
