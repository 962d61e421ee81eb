using System.Globalization;
using Cro.BuildingBlocks.Exports;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>
/// GET /api/monitoring/diagnosis-overview — ORE's view of every JST's diagnoses: how many of each kind collect or have
/// closed collection, schools submitted of all; and each figure's median over the JST (each by its latest diagnosis with
/// submitted schools), nationally and per województwo, not shown over fewer than 3 JST. No JST's own figure leaves it.
/// GET /api/monitoring/diagnosis-overview/export?format=csv|xlsx — the medians as a table.
/// </summary>
public static class DiagnosisOverview
{
    /// <param name="Kind">The diagnosis's kind: baseline, after-12-months, after-36-months.</param>
    [OpenApiSchemaName("DiagnosisProgress")]
    public sealed record Progress(string Kind, int Diagnoses, int Collecting, int CollectionClosed, int Schools, int SchoolsSubmitted);

    [OpenApiSchemaName("DiagnosisAreaFigure")]
    public sealed record AreaFigure(string Key, string Name, string Unit, MedianComparison Median);

    /// <param name="Code">"PL" for the whole country, or a województwo's TERC (2 digits).</param>
    /// <param name="Jst">JST with a diagnosis that has submitted schools.</param>
    [OpenApiSchemaName("DiagnosisAreaFigures")]
    public sealed record Area(string Code, int Jst, IReadOnlyList<AreaFigure> Figures);

    [OpenApiSchemaName("DiagnosisOverview")]
    public sealed record Overview(IReadOnlyList<Progress> Progress, Area National, IReadOnlyList<Area> Voivodeships);

    private static readonly string[] Headers = ["obszar", "liczba_jst", "wskaznik", "nazwa", "jednostka", "jst_w_medianie", "mediana"];

    public static IEndpointRouteBuilder MapDiagnosisOverview(this IEndpointRouteBuilder api)
    {
        api.MapGet("/diagnosis-overview", async (DataSession session) => TypedResults.Ok(await BuildAsync(session)))
            .WithName("GetDiagnosisOverview").WithSummary("Diagnozy wszystkich JST: postęp i mediany wskaźników / Every JST's diagnoses: progress and figures' medians")
            .Produces<Overview>().RequireAuthorization(Policies.Operator);
        api.MapGet("/diagnosis-overview/export", ExportAsync)
            .WithName("ExportDiagnosisOverview").WithSummary("Eksport median wskaźników diagnoz (CSV, XLSX) / Export of the diagnoses' medians (CSV, XLSX)")
            .ProducesTable().RequireAuthorization(Policies.Operator);
        return api;
    }

    public static async Task<Overview> BuildAsync(DataSession session)
    {
        // An operator's session: every JST.
        var progress = (await session.QueryAsync<Progress>($"""
            SELECT d.kind, count(DISTINCT d.id)::int AS diagnoses,
                   count(DISTINCT d.id) FILTER (WHERE d.collection_closed_at IS NULL)::int AS collecting,
                   count(DISTINCT d.id) FILTER (WHERE d.collection_closed_at IS NOT NULL)::int AS collection_closed,
                   count(q.id)::int AS schools, count(q.id) FILTER (WHERE q.status = '{QuestionnaireStatus.Submitted}')::int AS schools_submitted
            FROM diagnoses d LEFT JOIN questionnaires q ON q.diagnosis_id = d.id AND q.school_id IS NOT NULL
            GROUP BY d.kind ORDER BY array_position(@kinds, d.kind)
            """, new { kinds = DiagnosisKind.All.ToArray() })).ToList();
        var comparables = await ComparableDiagnosis.ListAsync(session);
        var answers = await AnswersLoader.LoadAsync(session, [.. comparables.Select(c => c.DiagnosisId)]);
        Area Of(string area, IReadOnlyList<ComparableDiagnosis> jst) => new(area, jst.Count,
            [.. Figures.All.Select(f => new AreaFigure(f.Key, f.Name, f.ComparedUnit, Medians.Of(area, jst.Select(j => f.Compared(answers[j.DiagnosisId])))))]);
        return new Overview(progress, Of("PL", comparables),
            [.. comparables.GroupBy(c => c.Voivodeship).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, [.. g]))]);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, DataSession session, CancellationToken ct, string format = TableExport.Csv)
    {
        if (Tables.InvalidFormat(format) is { } invalid)
        {
            return invalid;
        }
        var overview = await BuildAsync(session);
        var rows = new[] { overview.National }.Concat(overview.Voivodeships).SelectMany(area => area.Figures.Select(f => (IReadOnlyList<string?>)
        [
            area.Code, area.Jst.ToString(CultureInfo.InvariantCulture), f.Key, f.Name, f.Unit, f.Median.Jst.ToString(CultureInfo.InvariantCulture),
            f.Median.Median?.ToString(CultureInfo.InvariantCulture),
        ])).ToList();
        return await Tables.WriteAsync(context.Response, format, $"diagnozy-mediany-{DateTime.UtcNow:yyyyMMdd}", Headers, rows, ct);
    }
}
