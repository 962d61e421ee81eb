using System.Globalization;
using Cro.BuildingBlocks.Exports;

namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// GET /api/monitoring/budget/report?format=xlsx|pdf — the dashboard as ORE sends it to the ministry: the plan against the
/// spending per task and year and by year, with their EU and national parts, the indicators against their targets and the
/// tasks' periods, as an XLSX workbook (a sheet per table) or a PDF.
/// </summary>
public static class BudgetReport
{
    public const string Pdf = "pdf";
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static RouteHandlerBuilder MapBudgetReport(this IEndpointRouteBuilder api) => api
        .MapGet("/budget/report", HandleAsync)
        .WithName("GetBudgetReport").WithSummary("Budżet projektu dla ministerstwa (XLSX, PDF) / The project's budget for the ministry (XLSX, PDF)")
        .ProducesFile(TableExport.XlsxContentType, "application/pdf").ProducesValidationProblem()
        .RequireAuthorization(Policies.FinanceOrOperator);

    private static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource db, IConfiguration configuration, TimeProvider time,
        CancellationToken ct, string format = TableExport.Xlsx)
    {
        if (format is not (TableExport.Xlsx or Pdf))
        {
            return Problems.Field("format", "Format raportu: xlsx albo pdf.", "The report's format: xlsx or pdf.");
        }
        var now = time.GetUtcNow();
        var dashboard = await BudgetDashboard.BuildAsync(db, configuration, now, ct);
        var tables = Tables(dashboard);
        var name = $"budzet-projektu-{dashboard.Today:yyyy-MM-dd}";
        context.Response.Headers.CacheControl = "private, no-store";
        if (format == Pdf)
        {
            var asOf = WarsawTime.InWarsaw(now).ToString("d MMMM yyyy, HH:mm", Polish);
            var pdf = PdfReport.Render("Budżet projektu — plan i wykonanie",
                [$"Stan na {asOf}. Budżet projektu: {Amount(dashboard.Project.Budget.Amount)} zł, w tym UE {Amount(dashboard.Project.Budget.Eu)} zł ({dashboard.Project.EuSharePercent.ToString(Polish)} %), środki krajowe {Amount(dashboard.Project.Budget.National)} zł.",
                 $"Wydatki zapisane: {Amount(dashboard.SpentTotal.Amount)} zł (UE {Amount(dashboard.SpentTotal.Eu)} zł, krajowe {Amount(dashboard.SpentTotal.National)} zł), {Percent(dashboard.SpentTotal.Amount, dashboard.PlannedTotal.Amount)} planu."],
                [], tables);
            return TypedResults.File(pdf, "application/pdf", $"{name}.pdf");
        }
        await TableExport.WriteXlsxAsync(context.Response, name, tables, ct);
        return TypedResults.Empty;
    }

    private static string Amount(decimal amount) => amount.ToString("#,0.00", Polish);

    private static string Number(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Percent(decimal part, decimal whole) => whole == 0 ? "0 %" : (part * 100 / whole).ToString("0.0", Polish) + " %";

    private static ReportTable[] Tables(BudgetDashboard.Dashboard d)
    {
        string TaskName(int number) => d.Tasks.FirstOrDefault(t => t.Number == number) is { } t ? $"{t.Number}. {t.ShortNamePl}" : number.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("zadania", ["zadanie", "nazwa", "udział_proc", "okres_od", "okres_do", "plan_zł", "plan_UE_zł", "plan_krajowe_zł", "wydatki_zł", "wydatki_UE_zł", "wydatki_krajowe_zł", "wykonanie_proc"],
                [.. d.Tasks.Select(t => (IReadOnlyList<string?>)[t.Number.ToString(CultureInfo.InvariantCulture), t.NamePl, Number(t.SharePercent), t.FromQuarter, t.ToQuarter,
                    Number(t.Planned.Amount), Number(t.Planned.Eu), Number(t.Planned.National), Number(t.Spent.Amount), Number(t.Spent.Eu), Number(t.Spent.National),
                    t.Planned.Amount == 0 ? "" : Number(decimal.Round(t.Spent.Amount * 100 / t.Planned.Amount, 2))]),
                 ["razem", "", "100.00", "", "", Number(d.PlannedTotal.Amount), Number(d.PlannedTotal.Eu), Number(d.PlannedTotal.National),
                    Number(d.SpentTotal.Amount), Number(d.SpentTotal.Eu), Number(d.SpentTotal.National),
                    d.PlannedTotal.Amount == 0 ? "" : Number(decimal.Round(d.SpentTotal.Amount * 100 / d.PlannedTotal.Amount, 2))]]),
            new("zadania i lata", ["zadanie", "rok", "plan_zł", "plan_UE_zł", "plan_krajowe_zł", "wydatki_zł", "wydatki_UE_zł", "wydatki_krajowe_zł"],
                [.. d.Years.Select(y => (IReadOnlyList<string?>)[TaskName(y.Task), y.Year.ToString(CultureInfo.InvariantCulture),
                    Number(y.Planned.Amount), Number(y.Planned.Eu), Number(y.Planned.National), Number(y.Spent.Amount), Number(y.Spent.Eu), Number(y.Spent.National)])]),
            new("lata", ["rok", "szacunek_z_fiszki_zł", "plan_zadań_zł", "plan_UE_zł", "plan_krajowe_zł", "wydatki_zł", "wydatki_UE_zł", "wydatki_krajowe_zł"],
                [.. d.YearTotals.Select(y => (IReadOnlyList<string?>)[y.Year.ToString(CultureInfo.InvariantCulture), Number(y.CardEstimate),
                    Number(y.Planned.Amount), Number(y.Planned.Eu), Number(y.Planned.National), Number(y.Spent.Amount), Number(y.Spent.Eu), Number(y.Spent.National)])]),
            new("wskaźniki", ["wskaźnik", "rodzaj", "cel_razem", "cel_kobiety", "cel_mężczyźni", "wartość", "kobiety", "mężczyźni", "procent_celu"],
                [.. d.Indicators.Select(i => (IReadOnlyList<string?>)[i.NamePl, i.Kind == "output" ? "produktu" : "rezultatu", Int(i.TargetTotal), Int(i.TargetWomen), Int(i.TargetMen),
                    Int(i.Value), Int(i.Women), Int(i.Men), i.PercentOfTarget?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""])]),
        ];
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
