namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// What a participant may need to take part, as data the organisers count and prepare for (the needs list), plus a diet
/// and free text. The codes are what the API takes and gives; the labels are what people read.
/// </summary>
public static class AccessibilityNeeds
{
    public const string SignLanguage = "sign-language-interpreter";
    public const string InductionLoop = "induction-loop";
    public const string StepFree = "step-free-access";
    public const string Diet = "diet";
    public const string Assistant = "assistant";

    public static readonly IReadOnlyList<string> Codes = [SignLanguage, InductionLoop, StepFree, Diet, Assistant];

    [OpenApiSchemaName("ConferenceNeedOption")]
    public sealed record NeedOption(string Code, string Label);

    public static IReadOnlyList<NeedOption> Options => [.. Codes.Select(code => new NeedOption(code, Label(code)))];

    public static string Label(string code) => code switch
    {
        SignLanguage => Text.Pick("tłumacz polskiego języka migowego (PJM)", "Polish sign-language (PJM) interpreter"),
        InductionLoop => Text.Pick("pętla indukcyjna", "induction loop"),
        StepFree => Text.Pick("dostęp bez barier architektonicznych (bez schodów)", "step-free access"),
        Diet => Text.Pick("dieta", "diet"),
        Assistant => Text.Pick("asystent(ka) lub opiekun(ka) towarzyszący", "an accompanying assistant"),
        _ => code,
    };
}
