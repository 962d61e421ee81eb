using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cro.Evaluation.Features.Surveys;

/// <summary>The occasions a survey is issued on, and the kinds of question a template has.</summary>
public static class SurveyOccasions
{
    public const string ModuleCompleted = "module-completed";
    public const string EngagementEnded = "engagement-ended";
    public const string ConferenceAttended = "conference-attended";

    public static readonly IReadOnlyList<string> All = [ModuleCompleted, EngagementEnded, ConferenceAttended];

    public static string Label(string occasion) => occasion switch
    {
        ModuleCompleted => Text.Pick("po ukończeniu modułu", "after a module's completion"),
        EngagementEnded => Text.Pick("na zakończenie doradztwa", "at the end of advisory"),
        _ => Text.Pick("po konferencji", "after a conference"),
    };
}

public static class QuestionKinds
{
    public const string Scale = "scale";
    public const string Choice = "choice";
    public const string Text = "text";
}

[OpenApiSchemaName("SurveyQuestionOption")]
public sealed record QuestionOption(string Id, string Text);

/// <param name="Id">Stable across the template's versions: results of one question are counted across versions.</param>
/// <param name="Kind">scale (1–5), choice (one of the options) or text.</param>
/// <param name="Low">For a scale: what 1 means.</param>
/// <param name="High">For a scale: what 5 means.</param>
[OpenApiSchemaName("SurveyQuestion")]
public sealed record Question(string Id, string Kind, string Text, bool Required, string? Low = null, string? High = null,
    IReadOnlyList<QuestionOption>? Options = null);

/// <summary>A template's exact version as stored (its questions are a JSON array in the row).</summary>
public sealed record TemplateRow(Guid Id, string Code, int Version, string Occasion, string Title, string Intro, string Questions, DateTimeOffset CreatedAt)
{
    public const string Select = "SELECT id, code, version, occasion, title, intro, questions::text AS questions, created_at FROM survey_templates";

    public IReadOnlyList<Question> QuestionList => SurveyJson.Questions(Questions);
}

/// <summary>The rules of surveys, kept as data (survey_settings).</summary>
public sealed record SurveySettings(int MinGroupSize, int[] ReminderAfterDays, int OpenDays, int MaxTextLength)
{
    public static async Task<SurveySettings> ReadAsync(DataSession session)
    {
        var row = await session.QuerySingleAsync<(int, int[], int, int)>(
            "SELECT min_group_size, reminder_after_days, open_days, max_text_length FROM survey_settings");
        return new SurveySettings(row.Item1, row.Item2, row.Item3, row.Item4);
    }
}

public static class SurveyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<Question> Questions(string json) => JsonSerializer.Deserialize<List<Question>>(json, Options) ?? [];

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
