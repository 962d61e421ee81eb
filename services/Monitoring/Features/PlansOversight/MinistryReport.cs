using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Reports;

namespace Cro.Monitoring.Features.PlansOversight;

/// <summary>
/// GET /api/monitoring/plans-overview/report?period=2026-Q4&amp;format=xlsx|pdf — what ORE sends the ministry for a period:
/// its conclusions for the period and the figures as they stand (the JST by the state of their plan, implementation progress
/// and overdue reports, nationally and per województwo; the money the plans in force planned and the reports say was spent,
/// by year and source), as an XLSX workbook (a sheet per table) or a PDF.
/// </summary>
public static class MinistryReport
{
    public const string Pdf = "pdf";
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static RouteHandlerBuilder MapMinistryReport(this IEndpointRouteBuilder api) => api
        .MapGet("/plans-overview/report", HandleAsync)
        .WithName("GetMinistryReport").WithSummary("Raport dla ministerstwa: wnioski i zestawienia (XLSX, PDF) / The ministry's report: conclusions and figures (XLSX, PDF)")
        .ProducesFile(TableExport.XlsxContentType, "application/pdf").ProducesValidationProblem()
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(string period, HttpContext context, DataSession session, TimeProvider time, CancellationToken ct,
        string format = TableExport.Xlsx)
    {
        if (PlanConclusions.InvalidPeriod(period) is { } invalid)
        {
            return invalid;
        }
        if (format is not (TableExport.Xlsx or Pdf))
        {
            return Problems.Field("format", "Format raportu: xlsx albo pdf.", "The report's format: xlsx or pdf.");
        }
        var conclusions = await session.QuerySingleOrDefaultAsync<string>("SELECT text FROM plan_conclusions WHERE period = @period", new { period });
        var overview = await PlansOverview.BuildAsync(session, time.GetUtcNow());
        var tables = Tables(overview, conclusions);
        var name = $"plany-jst-{period}";
        if (format == Pdf)
        {
            var asOf = WarsawTime.InWarsaw(time.GetUtcNow()).ToString("d MMMM yyyy, HH:mm", Polish);
            var pdf = PdfReport.Render($"Plany strategiczne JST — okres {period}",
                [$"Stan na {asOf}. JST w programie lub z planem: {overview.Jst}. Sprawozdania po terminie: {overview.OverdueReports}.",
                 $"Środki zaplanowane w planach przyjętych: {Amount(overview.TotalPlanned)} zł; wydane według sprawozdań: {Amount(overview.TotalSpent)} zł."],
                [("Wnioski ORE", conclusions ?? "ORE nie zapisał wniosków za ten okres.")], tables[1..]);
            return TypedResults.File(pdf, "application/pdf", $"{name}.pdf");
        }
        await TableExport.WriteXlsxAsync(context.Response, name, tables, ct);
        return TypedResults.Empty;
    }

    private static string Amount(decimal amount) => amount.ToString("#,0.##", Polish);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static ReportTable[] Tables(PlansOverview.Overview overview, string? conclusions)
    {
        var areas = new[] { ("Polska", overview.States, overview.Progress, overview.OverdueReports) }
            .Concat(overview.Voivodeships.Select(v => (v.Name ?? v.Code, v.States, v.Progress, v.OverdueReports))).ToList();
        return
        [
            new("wnioski", ["wnioski"], [[conclusions ?? ""]]),
            new("stan planów", ["obszar", .. PlansOverview.AllStates],
                [.. areas.Select(a => (IReadOnlyList<string?>)[a.Item1, .. a.States.Select(s => Number(s.Jst))])]),
            new("realizacja", ["obszar", "jst_ze_sprawozdaniem", .. ActionStatus.All, "sredni_postep_proc", "sprawozdania_po_terminie"],
                [.. areas.Select(a => (IReadOnlyList<string?>)[a.Item1, Number(a.Progress.JstReporting), .. a.Progress.Actions.Select(c => Number(c.Actions)),
                    Number(a.Progress.AverageProgress), Number(a.OverdueReports)])]),
            new("środki", ["rok", "źródło", "zaplanowane_zł", "wydane_zł"],
                [.. overview.Money.Select(m => (IReadOnlyList<string?>)[Number(m.Year), m.Source, Number(m.Planned), Number(m.Spent)])]),
        ];
    }
}
