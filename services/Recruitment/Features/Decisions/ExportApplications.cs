using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// GET /api/recruitment/rounds/{id}/export?format=csv|xlsx — the round's submitted and decided
/// applications with their teams, one row per team member in ranking order, for the operators' records.
/// People read it, so kind, status and sex are written in words ("gmina wiejska", "przyjęty", "kobieta");
/// their codes follow in the last columns for whoever matches rows by them.
/// </summary>
public static class ExportApplications
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static readonly string[] Headers =
    [
        "teryt", "jst", "rodzaj", "wojewodztwo", "zagrozona_marginalizacja", "status", "punkty", "zlozono", "ocena_formalna",
        "imie_nazwisko", "email", "stanowisko", "telefon", "plec", "koordynator", "w_zespole_od", "w_zespole_do",
        "rodzaj_kod", "status_kod", "plec_kod",
    ];

    private sealed record Row(string JstTerc, string JstName, string JstKind, string VoivodeshipName, bool AtRisk, string Status, int Score,
        DateTime SubmittedAt, bool? FormalCheck, string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator,
        DateTime JoinedAt, DateTime? LeftAt);

    public static RouteHandlerBuilder MapExportApplications(this IEndpointRouteBuilder api) => api
        .MapGet("/rounds/{id:guid}/export", HandleAsync)
        .WithName("ExportApplications")
        .WithSummary("Eksport wniosków i zespołów (CSV, XLSX) / Export of applications and teams (CSV, XLSX)")
        .ProducesTable()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, CancellationToken ct, string format = TableExport.Csv)
    {
        if (!TableExport.Formats.Contains(format))
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [Text.Pick("Format: csv albo xlsx.", "Format: csv or xlsx.")],
            });
        }
        if (await session.QuerySingleOrDefaultAsync<string>("SELECT name FROM rounds WHERE id = @id", new { id }) is not { } round)
        {
            return RoundRows.NotFound();
        }
        // An operator's session: every JST's applications.
        var rows = (await session.QueryAsync<Row>($"""
            SELECT a.jst_terc, j.name AS jst_name, j.kind AS jst_kind, v.name AS voivodeship_name, j.at_risk_of_marginalisation AS at_risk,
                   a.status, a.score, a.submitted_at, a.formal_check, m.full_name, m.email, m.position, m.phone, m.sex, m.is_coordinator,
                   m.joined_at, m.left_at
            FROM applications a
            JOIN jst j ON j.terc = a.jst_terc JOIN jst v ON v.terc = j.voivodeship_terc
            JOIN team_members m ON m.application_id = a.id
            WHERE a.round_id = @id AND a.status <> '{ApplicationStatus.Draft}'
            ORDER BY {Ranking.OrderBy}, m.ordinal
            """, new { id })).Select(Cells).ToList();
        var fileName = $"wnioski-{DateTime.UtcNow:yyyyMMdd}";
        if (format == TableExport.Xlsx)
        {
            await TableExport.WriteXlsxAsync(context.Response, fileName, Headers, rows, ct);
        }
        else
        {
            await TableExport.WriteCsvAsync(context.Response, fileName, Headers, rows, ct);
        }
        return Results.Empty;
    }

    private static IReadOnlyList<string?> Cells(Row r) =>
    [
        r.JstTerc, r.JstName, ApplicationLabels.JstKind(r.JstKind), r.VoivodeshipName, YesNo(r.AtRisk), ApplicationLabels.Status(r.Status),
        r.Score.ToString(CultureInfo.InvariantCulture), Local(r.SubmittedAt), r.FormalCheck is null ? "" : YesNo(r.FormalCheck.Value),
        r.FullName, r.Email, r.Position, r.Phone, ApplicationLabels.Sex(r.Sex),
        YesNo(r.IsCoordinator), Local(r.JoinedAt), r.LeftAt is null ? "" : Local(r.LeftAt.Value),
        r.JstKind, r.Status, r.Sex,
    ];

    private static string YesNo(bool value) => value ? "tak" : "nie";

    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Warsaw).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
