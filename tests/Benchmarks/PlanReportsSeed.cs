using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Reports;
using Cro.Monitoring.Features.Schools;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;

namespace Cro.Benchmarks;

/// <summary>A JST of the plan-reports benchmark: its plan's first version as adopted, and the draft report of its first period.</summary>
public sealed record SeededJst(string Terc, Guid PlanId, Guid ReportId, PlanContent Plan);

/// <summary>
/// Every JST of monitoring's registry with an accepted diagnosis (three findings) and a strategic plan whose first version
/// the council adopted between three months and three months and 19 days ago (so every first quarter has ended, and no
/// report is due yet): three priorities, five goals, 15 actions with budget lines by year and source, tools and risks.
/// Written straight into the tables, as the owner, in a few statements (the plan's path has its own tests; this only has
/// to be fast); the reporting periods and their empty reports are then made by the service's own adoption hook
/// (<see cref="IPlanAdoptionObserver"/>), as adopting the plan through the API makes them.
/// </summary>
public static class PlanReportsSeed
{
    public const int Actions = 15;
    private const int Priorities = 3;
    private const int Goals = 5;
    private const int AdoptionSpreadDays = 20;

    public static async Task<IReadOnlyList<SeededJst>> SeedAsync(IServiceProvider services, string ownerConnectionString)
    {
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        // monitoring's JST read model as recruitment's announcements leave it, for the units monitoring counts as JST.
        await RegistrySeed.FillAsync(owner, u => JstRegister.Contains(u.Terc));
        // The JST are the registry's, as monitoring knows them.
        var tercs = (await owner.QueryAsync<string>("SELECT terc FROM jst ORDER BY terc")).AsList();
        var today = ReportingSchedule.WarsawDay(DateTimeOffset.UtcNow);
        var plans = tercs.Select((terc, i) => NewPlan(terc, today.AddMonths(-3).AddDays(-(i % AdoptionSpreadDays)))).ToList();
        await owner.ExecuteAsync("""
            INSERT INTO diagnoses (id, jst_terc, kind, instrument_version, started_at, status, round, submitted_at, accepted_at)
            SELECT d, t, 'baseline', 1, a - interval '120 days', 'accepted', 1, a - interval '70 days', a - interval '60 days'
            FROM unnest(@tercs, @diagnoses, @adoptedAt) AS x(t, d, a);
            INSERT INTO diagnosis_findings (id, diagnosis_id, jst_terc, title, text, priority, section_keys, question_keys, figure_keys, created_at, updated_at)
            SELECT f, d, t, 'Ustalenie ' || n, 'Opis ustalenia ' || n || ' z diagnozy szkół JST.', 'high', '{}', '{}', '{figure:pupils_per_computer}', now(), now()
            FROM unnest(@findingTercs, @findingDiagnoses, @findings, @findingNumbers) AS x(t, d, f, n);
            INSERT INTO plans (id, jst_terc, diagnosis_id, created_at) SELECT p, t, d, a - interval '50 days' FROM unnest(@plans, @tercs, @diagnoses, @adoptedAt) AS x(p, t, d, a);
            INSERT INTO plan_versions (id, plan_id, jst_terc, number, status, content, revision, created_at, updated_at, adopted_on, resolution_number, adopted_at)
            SELECT gen_random_uuid(), p, t, 1, 'adopted', c::jsonb, 12, a - interval '50 days', a, o, 'XX/' || n || '/2026', a
            FROM unnest(@plans, @tercs, @contents, @adoptedOn, @adoptedAt) WITH ORDINALITY AS x(p, t, c, o, a, n);
            """, new
        {
            tercs = plans.Select(p => p.Terc).ToArray(), diagnoses = plans.Select(p => p.DiagnosisId).ToArray(),
            plans = plans.Select(p => p.PlanId).ToArray(), contents = plans.Select(p => PlanJson.Of(p.Content)).ToArray(),
            adoptedOn = plans.Select(p => p.AdoptedOn).ToArray(), adoptedAt = plans.Select(p => p.AdoptedAt.ToUniversalTime()).ToArray(),
            findingTercs = plans.SelectMany(p => p.FindingIds.Select(_ => p.Terc)).ToArray(),
            findingDiagnoses = plans.SelectMany(p => p.FindingIds.Select(_ => p.DiagnosisId)).ToArray(),
            findings = plans.SelectMany(p => p.FindingIds).ToArray(),
            findingNumbers = plans.SelectMany(p => p.FindingIds.Select((_, n) => n + 1)).ToArray(),
        }, commandTimeout: 300);

        var observer = services.GetRequiredService<IPlanAdoptionObserver>();
        await using (var session = await DataSession.OpenAsync(services.GetRequiredService<NpgsqlDataSource>(), JstScope.All, CancellationToken.None))
        {
            foreach (var plan in plans)
            {
                await observer.FirstAdoptedAsync(session, plan.PlanId, plan.Terc, plan.AdoptedOn, plan.AdoptedAt);
            }
            await session.CommitAsync();
        }
        // Statistics for the planner, as autovacuum would gather them in time; and the visibility map of a settled database.
        await owner.ExecuteAsync("VACUUM ANALYZE");

        var firstReports = (await owner.QueryAsync<(Guid PlanId, Guid Id)>("SELECT plan_id, id FROM reports WHERE number = 1")).ToDictionary(r => r.PlanId, r => r.Id);
        return [.. plans.Select(p => new SeededJst(p.Terc, p.PlanId, firstReports[p.PlanId], p.Content))];
    }

    private sealed record NewPlanRow(string Terc, Guid DiagnosisId, Guid[] FindingIds, Guid PlanId, DateOnly AdoptedOn, DateTimeOffset AdoptedAt, PlanContent Content);

    private static readonly string[] ActionTitles =
    [
        "Zakup laptopów dla uczniów", "Wi-Fi w salach lekcyjnych", "Szkolenia nauczycieli z narzędzi cyfrowych", "Monitory interaktywne",
        "Światłowód do szkół", "Platforma e-learningowa", "Wspólny helpdesk szkół", "Ewidencja sprzętu i licencji", "Polityka bezpieczeństwa informacji",
        "Sprzęt dla uczniów z niepełnosprawnościami", "Pracownia robotyki", "Zdalne zarządzanie urządzeniami", "Wymiana serwerów",
        "Kursy kompetencji cyfrowych dla rodziców", "Koordynator cyfryzacji w CUW",
    ];

    private static NewPlanRow NewPlan(string terc, DateOnly adoptedOn)
    {
        var findings = Enumerable.Range(0, Priorities).Select(_ => Guid.CreateVersion7()).ToArray();
        var year = adoptedOn.Year;
        var priorities = Enumerable.Range(0, Priorities).Select(p => new PlanPriority(Guid.CreateVersion7(), $"Priorytet {p + 1}",
            "Odpowiedź na ustalenie diagnozy.", [findings[p]])).ToList();
        var goals = Enumerable.Range(0, Goals).Select(g => new PlanGoal(Guid.CreateVersion7(), priorities[g % Priorities].Id, $"Cel {g + 1}",
            g == 0 ? "figure:pupils_per_computer" : $"Wskaźnik celu {g + 1}", g == 0 ? "uczniów" : "%", 10m + g, 40m + 10 * g, new DateOnly(year + 1, 12, 31))).ToList();
        var actions = Enumerable.Range(0, Actions).Select(a =>
        {
            PlanBudgetLine[] budget =
            [
                new(year, "fers", 20_000m + 1_000m * a), new(year, "jst", 5_000m + 500m * a), new(year + 1, "jst", 10_000m),
            ];
            return new PlanAction(Guid.CreateVersion7(), priorities[a % Priorities].Id, [goals[a % Goals].Id!.Value], ActionTitles[a],
                "Opis działania, jego zakresu i oczekiwanych efektów.", "Wydział Edukacji", [], adoptedOn, adoptedOn.AddMonths(12 + a % 12),
                budget.Sum(l => l.Amount), budget);
        }).ToList();
        var content = new PlanContent("Plan cyfryzacji szkół JST na lata " + year + "–" + (year + 2) + ".", priorities, goals, actions,
            ["equipment-standard", "device-inventory", "helpdesk"], null,
        [
            new PlanRisk(Guid.CreateVersion7(), "Opóźnienie dostaw sprzętu.", "medium", "high", "Zamówienie z wyprzedzeniem."),
            new PlanRisk(Guid.CreateVersion7(), "Brak wkładu własnego.", "low", "high", "Rezerwa w budżecie JST."),
        ]);
        return new NewPlanRow(terc, Guid.CreateVersion7(), findings, Guid.CreateVersion7(), adoptedOn, WarsawTime.StartOf(adoptedOn).AddHours(14), content);
    }
}
