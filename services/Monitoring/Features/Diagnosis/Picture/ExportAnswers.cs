using System.Globalization;
using Cro.BuildingBlocks.Exports;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>
/// GET /api/monitoring/diagnoses/{id}/answers/export?form=long|wide&amp;format=csv|xlsx — a diagnosis's answers as a table.
/// Long: one row per answer (school id, RSPO id, school name, section, question key, repeat group key, row key and
/// index, value), the team's own questionnaire included. Wide: one row per school, one column per question key in the
/// instrument's order, a repeat group's rows as <c>group[i].question</c> columns (with <c>group[i].key</c>, the row's key).
/// Counts of pupils below 5 are "&lt; 5" to anyone but the JST's team and its advisor.
/// </summary>
public static class ExportAnswers
{
    public const string Long = "long";
    public const string Wide = "wide";

    private static readonly string[] LongHeaders =
        ["school_id", "rspo_id", "school_name", "status", "section", "question_key", "group_key", "row_key", "row_index", "value"];

    private static readonly string[] WideLead = ["school_id", "rspo_id", "school_name", "status"];

    // Dapper reads text[] as System.Array, which no constructor parameter matches: it sets these properties instead.
    private sealed class Row
    {
        public Guid QuestionnaireId { get; set; }
        public Guid? SchoolId { get; set; }
        public int? RspoId { get; set; }
        public string? SchoolName { get; set; }
        public string Status { get; set; } = "";
        public string QuestionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public int RowOrdinal { get; set; }
        public decimal? NumberValue { get; set; }
        public string[]? ChoiceKeys { get; set; }
        public int? ScaleValue { get; set; }
        public string? TextValue { get; set; }
        public bool DontKnow { get; set; }
    }

    private sealed record Head(string JstTerc, int InstrumentVersion);

    public static RouteHandlerBuilder MapExportAnswers(this IEndpointRouteBuilder api) => api
        .MapGet("/diagnoses/{id:guid}/answers/export", HandleAsync)
        .WithName("ExportDiagnosisAnswers")
        .WithSummary("Eksport odpowiedzi diagnozy, w postaci długiej lub szerokiej (CSV, XLSX) / Export of a diagnosis's answers, long or wide (CSV, XLSX)")
        .ProducesTable().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, InstrumentStore instruments,
        CancellationToken ct, string format = TableExport.Csv, string form = Long)
    {
        if (Tables.InvalidFormat(format) is { } invalid)
        {
            return invalid;
        }
        if (form is not (Long or Wide))
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["form"] = [Text.Pick("Postać: long (wiersz na odpowiedź) albo wide (wiersz na szkołę).", "Form: long (a row per answer) or wide (a row per school).")],
            });
        }
        if (await session.QuerySingleOrDefaultAsync<Head>("SELECT jst_terc, instrument_version FROM diagnoses WHERE id = @id", new { id }) is not { } head)
        {
            return DiagnosisView.NotFound();
        }
        var instrument = (await instruments.FindAsync(session, head.InstrumentVersion))!;
        var rows = (await session.QueryAsync<Row>("""
            SELECT q.id AS questionnaire_id, q.school_id, s.rspo_id, coalesce(s.name, q.school_name) AS school_name, q.status,
                   a.question_key, a.row_key, a.row_ordinal, a.number_value, a.choice_keys, a.scale_value, a.text_value, a.dont_know
            FROM questionnaires q
            LEFT JOIN schools s ON s.id = q.school_id
            LEFT JOIN answers a ON a.questionnaire_id = q.id
            WHERE q.diagnosis_id = @id
            ORDER BY q.school_id IS NOT NULL, coalesce(s.name, q.school_name), q.id, a.row_ordinal, a.question_key
            """, new { id })).ToList();
        var hideSmall = !SmallNumbers.ShownTo(context.User, head.JstTerc);
        string? Value(Row r) => r.DontKnow ? "nie wiem"
            : r.NumberValue is { } n ? (hideSmall && PupilCounts.Contains(r.QuestionKey) && n < Figures.SmallNumber ? SmallNumbers.Hidden : n.ToString(CultureInfo.InvariantCulture))
            : r.ChoiceKeys is { } c ? string.Join(";", c)
            : r.ScaleValue?.ToString(CultureInfo.InvariantCulture) ?? r.TextValue;
        var (headers, table) = form == Long ? LongForm(instrument, rows, Value) : WideForm(instrument, rows, Value);
        return await Tables.WriteAsync(context.Response, format, $"diagnoza-{head.JstTerc}-{form}", headers, table, ct);
    }

    private static readonly HashSet<string> PupilCounts = [.. Figures.All.Where(f => f.PupilCount).Select(f => f.QuestionKeys[0])];

    private static IReadOnlyList<string?> Lead(Row r) =>
        [r.SchoolId?.ToString(), r.RspoId?.ToString(CultureInfo.InvariantCulture), r.SchoolName ?? Text.Pick("zespół JST", "JST team"), r.Status];

    private static (IReadOnlyList<string>, List<IReadOnlyList<string?>>) LongForm(Instrument instrument, IEnumerable<Row> rows, Func<Row, string?> value) =>
        (LongHeaders, [.. rows.Where(r => r.QuestionKey.Length > 0).Select(r =>
        {
            var placed = instrument.Find(r.QuestionKey);
            var index = r.RowKey.Length == 0 ? null : r.RowOrdinal.ToString(CultureInfo.InvariantCulture);
            return (IReadOnlyList<string?>)[.. Lead(r), placed?.Section.Key, r.QuestionKey, placed?.Group?.Key, r.RowKey, index, value(r)];
        })]);

    private static (IReadOnlyList<string>, List<IReadOnlyList<string?>>) WideForm(Instrument instrument, IReadOnlyList<Row> rows, Func<Row, string?> value)
    {
        var schools = rows.Where(r => r.SchoolId is not null).GroupBy(r => r.QuestionnaireId).ToList();
        // As many columns of a group as the school with the most rows of it has.
        var rowsOf = schools.SelectMany(s => s.Where(r => r.RowKey.Length > 0 && instrument.Find(r.QuestionKey)?.Group is not null)
                .GroupBy(r => instrument.Find(r.QuestionKey)!.Group!.Key).Select(g => (Group: g.Key, Rows: g.Max(r => r.RowOrdinal))))
            .GroupBy(g => g.Group).ToDictionary(g => g.Key, g => g.Max(x => x.Rows));
        var columns = new List<string>();
        foreach (var question in instrument.SectionsOf(Respondent.OfSchool).SelectMany(s => s.Questions))
        {
            if (question.Kind != QuestionKind.RepeatGroup)
            {
                columns.Add(question.Key);
                continue;
            }
            for (var i = 1; i <= rowsOf.GetValueOrDefault(question.Key); i++)
            {
                columns.Add($"{question.Key}[{i}].key");
                columns.AddRange(question.RowQuestions.Select(q => $"{question.Key}[{i}].{q.Key}"));
            }
        }
        var table = schools.Select(school =>
        {
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var r in school.Where(r => r.QuestionKey.Length > 0))
            {
                if (r.RowKey.Length == 0)
                {
                    cells[r.QuestionKey] = value(r);
                }
                else if (instrument.Find(r.QuestionKey)?.Group is { } group)
                {
                    cells[$"{group.Key}[{r.RowOrdinal}].key"] = r.RowKey;
                    cells[$"{group.Key}[{r.RowOrdinal}].{r.QuestionKey}"] = value(r);
                }
            }
            return (IReadOnlyList<string?>)[.. Lead(school.First()), .. columns.Select(cells.GetValueOrDefault)];
        }).ToList();
        return ([.. WideLead, .. columns], table);
    }
}
