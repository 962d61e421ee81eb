using System.Text.Json;
using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// What a JST's team reports for one period: an entry per action of the plan's version in force at the period's end, and
/// the actual value of each goal's indicator. Saved whole as a draft as often as the team likes; submitted, it must cover
/// every action and every goal.
/// </summary>
[OpenApiSchemaName("ImplementationReportContent")]
public sealed record ReportContent(
    [property: FieldLabel("Podsumowanie okresu", "Summary of the period")] string? Summary,
    [property: FieldLabel("Działania", "Actions")] IReadOnlyList<ActionProgress>? Actions,
    [property: FieldLabel("Wartości wskaźników celów", "Goals' indicator values")] IReadOnlyList<GoalValue>? Goals)
{
    public static readonly ReportContent Empty = new(null, [], []);
}

/// <summary>Where one action of the plan stood at the period's end.</summary>
/// <param name="ActionId">The plan's action (its id in the plan's content).</param>
/// <param name="Status"><see cref="ActionStatus"/>: not-started, in-progress, done, delayed, abandoned.</param>
/// <param name="Progress">Percent done, 0–100 (0 for not-started, 100 for done).</param>
/// <param name="Spent">Money spent on it in the period, PLN.</param>
/// <param name="SpentBySource">Optionally, the money spent by source of funding; the lines add up to <paramref name="Spent"/>.</param>
/// <param name="AbandonReason">Why it was abandoned; required for abandoned.</param>
/// <param name="EvidenceUrl">A link to evidence (a page, a document, a photo gallery): http or https.</param>
/// <param name="EvidenceFileIds">Files uploaded to the report for this action (POST …/reports/{id}/evidence).</param>
[OpenApiSchemaName("ReportedActionProgress")]
public sealed record ActionProgress(
    [property: FieldLabel("Działanie", "Action")] Guid ActionId,
    [property: FieldLabel("Stan działania", "Action's status")] string Status,
    [property: FieldLabel("Postęp (%)", "Progress (%)")] int? Progress,
    [property: FieldLabel("Wydatki w okresie (zł)", "Spent in the period (PLN)")] decimal? Spent,
    [property: FieldLabel("Wydatki według źródeł", "Spending by source")] IReadOnlyList<SpendingLine>? SpentBySource,
    [property: FieldLabel("Powód zaniechania", "Reason for abandoning")] string? AbandonReason,
    [property: FieldLabel("Komentarz", "Comment")] string? Comment,
    [property: FieldLabel("Link do dowodu realizacji", "Evidence link")] string? EvidenceUrl,
    [property: FieldLabel("Pliki dowodów realizacji", "Evidence files")] IReadOnlyList<Guid>? EvidenceFileIds);

/// <param name="Source"><see cref="FundingSource"/>: jst, fers, feniks, regional, kpo, other.</param>
[OpenApiSchemaName("ReportedSpendingLine")]
public sealed record SpendingLine(
    [property: FieldLabel("Źródło finansowania", "Source of funding")] string Source,
    [property: FieldLabel("Kwota (zł)", "Amount (PLN)")] decimal Amount);

/// <summary>The actual value of a goal's indicator at the period's end, in the goal's unit.</summary>
[OpenApiSchemaName("ReportedGoalValue")]
public sealed record GoalValue(
    [property: FieldLabel("Cel", "Goal")] Guid GoalId,
    [property: FieldLabel("Wartość wskaźnika", "Indicator's value")] decimal? Value,
    [property: FieldLabel("Komentarz", "Comment")] string? Comment);

/// <summary>Where an action stands in a report.</summary>
public static class ActionStatus
{
    public const string NotStarted = "not-started";
    public const string InProgress = "in-progress";
    public const string Done = "done";
    public const string Delayed = "delayed";
    public const string Abandoned = "abandoned";

    public static readonly IReadOnlyList<string> All = [NotStarted, InProgress, Done, Delayed, Abandoned];
}

/// <summary>A report's content as the jsonb it is stored as (the API's own JSON form).</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(ReportContent content) => JsonSerializer.Serialize(content, Json);

    public static ReportContent Read(string json) => JsonSerializer.Deserialize<ReportContent>(json, Json) ?? ReportContent.Empty;
}
