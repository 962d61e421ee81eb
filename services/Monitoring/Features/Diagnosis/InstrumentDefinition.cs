using System.Text.Json.Serialization;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// The diagnosis instrument as it is written (the seed file, an operator's new version) and read back: sections for
/// each respondent, their questions, and the consistency rules between number questions. Saved as one version.
/// </summary>
[OpenApiSchemaName("DiagnosisInstrumentDefinition")]
public sealed record InstrumentDefinition(string Title, IReadOnlyList<SectionDefinition> Sections, IReadOnlyList<RuleDefinition> Rules);

/// <param name="Respondent">Who answers it: <see cref="Respondent"/>.</param>
[OpenApiSchemaName("DiagnosisInstrumentSection")]
public sealed record SectionDefinition(string Key, string Respondent, string Title, string? Description, IReadOnlyList<QuestionDefinition> Questions);

/// <summary>A question (or, inside a repeat group's <see cref="Questions"/>, a question of each row).</summary>
/// <param name="Kind"><see cref="QuestionKind"/>.</param>
/// <param name="Required">Must be answered before the questionnaire is submitted (when asked at all: see <see cref="ShownIf"/>).</param>
/// <param name="Unit">Of a number, as shown after it ("Mb/s", "szt.").</param>
/// <param name="Decimals">Of a number: how many decimal places it may have (0, the default: whole numbers).</param>
/// <param name="DontKnowAllowed">A number may be answered "nie wiem" (a scale always may).</param>
/// <param name="MaxLength">Of a text: at most this many characters (default 2000).</param>
/// <param name="Options">Of a single or multiple choice: what may be chosen.</param>
/// <param name="ScaleLabels">Of a scale: what 1 to 5 mean, five labels.</param>
/// <param name="MaxRows">Of a repeat group: at most this many rows (default 50).</param>
/// <param name="Questions">Of a repeat group: the questions of each row.</param>
/// <param name="ShownIf">Asked only when an earlier choice question of the section level has one of some options.</param>
[OpenApiSchemaName("DiagnosisQuestion")]
public sealed record QuestionDefinition(string Key, string Kind, string Text, string? Help = null, bool Required = false, string? Unit = null,
    decimal? Min = null, decimal? Max = null, int? Decimals = null, bool DontKnowAllowed = false, int? MaxLength = null,
    IReadOnlyList<OptionDefinition>? Options = null, IReadOnlyList<string>? ScaleLabels = null, int? MaxRows = null,
    IReadOnlyList<QuestionDefinition>? Questions = null, ConditionDefinition? ShownIf = null)
{
    public const int DefaultMaxLength = 2000;
    public const int DefaultMaxRows = 50;

    [JsonIgnore]
    public int TextLimit => MaxLength ?? DefaultMaxLength;

    [JsonIgnore]
    public int RowLimit => MaxRows ?? DefaultMaxRows;

    [JsonIgnore]
    public IReadOnlyList<QuestionDefinition> RowQuestions => Questions ?? [];

    [JsonIgnore]
    public IReadOnlyList<OptionDefinition> Choices => Options ?? [];
}

/// <param name="Exclusive">Of a multiple choice: chosen only alone ("żadne z powyższych").</param>
[OpenApiSchemaName("DiagnosisQuestionOption")]
public sealed record OptionDefinition(string Key, string Label, bool Exclusive = false);

/// <summary>The question is asked when <see cref="Question"/> (a choice question) has one of <see cref="Options"/>.</summary>
[OpenApiSchemaName("DiagnosisQuestionCondition")]
public sealed record ConditionDefinition(string Question, IReadOnlyList<string> Options);

/// <summary>
/// A consistency rule: the answer to <see cref="Left"/> compared (<see cref="Comparison"/>) with the answer to
/// <see cref="Right"/>, both number questions, both of the section level or both of one repeat group (then row by row).
/// Checked when both are answered with numbers, at submission.
/// </summary>
/// <param name="Message">Why the rule holds, in Polish, added to the refusal.</param>
[OpenApiSchemaName("DiagnosisConsistencyRule")]
public sealed record RuleDefinition(string Key, string Left, string Comparison, string Right, string? Message = null);

public static class Respondent
{
    public const string JstTeam = "jst-team";
    public const string SchoolDirector = "school-director";
    public const string SchoolItAdministrator = "school-it-administrator";

    public static readonly IReadOnlyList<string> All = [JstTeam, SchoolDirector, SchoolItAdministrator];

    /// <summary>Whose sections a school's questionnaire holds: its director's and its IT administrator's.</summary>
    public static readonly IReadOnlyList<string> OfSchool = [SchoolDirector, SchoolItAdministrator];

    public static IReadOnlyList<string> Of(Guid? schoolId) => schoolId is null ? [JstTeam] : OfSchool;
}

public static class QuestionKind
{
    public const string Number = "number";
    public const string SingleChoice = "single-choice";
    public const string MultipleChoice = "multiple-choice";
    public const string Scale = "scale";
    public const string Text = "text";
    public const string RepeatGroup = "repeat-group";

    public static readonly IReadOnlyList<string> All = [Number, SingleChoice, MultipleChoice, Scale, Text, RepeatGroup];

    public static bool IsChoice(string kind) => kind is SingleChoice or MultipleChoice;
}

public static class Comparison
{
    public const string LessThan = "lt";
    public const string AtMost = "le";
    public const string EqualTo = "eq";
    public const string AtLeast = "ge";
    public const string GreaterThan = "gt";

    public static readonly IReadOnlyList<string> All = [LessThan, AtMost, EqualTo, AtLeast, GreaterThan];

    public static bool Holds(string comparison, decimal left, decimal right) => comparison switch
    {
        LessThan => left < right,
        AtMost => left <= right,
        EqualTo => left == right,
        AtLeast => left >= right,
        GreaterThan => left > right,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    /// <summary>What the left answer must be, in words: "nie może być większa niż" …</summary>
    public static (string Pl, string En) Words(string comparison) => comparison switch
    {
        LessThan => ("musi być mniejsza niż", "must be less than"),
        AtMost => ("nie może być większa niż", "may not be greater than"),
        EqualTo => ("musi być równa", "must equal"),
        AtLeast => ("nie może być mniejsza niż", "may not be less than"),
        _ => ("musi być większa niż", "must be greater than"),
    };
}
