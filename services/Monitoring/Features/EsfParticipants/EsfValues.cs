namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>One value of a participant's answer: its code in the API and the database, and its wording in SM EFS.</summary>
public sealed record EsfValue(string Code, string SmEfs);

/// <summary>
/// The dictionaries of the participant's data: the codes the API takes and, beside each, the value SM EFS (CST2021)
/// imports. One place: the form's validation takes the codes from here, the export the wording.
/// </summary>
public static class EsfValues
{
    /// <summary>
    /// Sex as the participant states it. Non-binary is kept where the person gives it, and exported as "Niebinarna": the
    /// ESF+ common indicators (Regulation 2021/1057, annex I) break participants down by sex with non-binary people apart,
    /// and the national guidance on monitoring 2021–2027 carries that third category into SM EFS's "Płeć". The mapping is
    /// this list alone: should ORE's managing authority say that its current import layout takes K/M only (and the sex of
    /// the PESEL number instead), the one line below changes and the export's column rule follows it.
    /// </summary>
    public static readonly IReadOnlyList<EsfValue> Sex =
    [
        new("woman", "Kobieta"),
        new("man", "Mężczyzna"),
        new("non-binary", "Niebinarna"),
    ];

    /// <summary>Education, the highest completed level, in the ISCED groups of SM EFS.</summary>
    public static readonly IReadOnlyList<EsfValue> Education =
    [
        new("isced-0", "Niższe niż podstawowe (ISCED 0)"),
        new("isced-1", "Podstawowe (ISCED 1)"),
        new("isced-2", "Gimnazjalne (ISCED 2)"),
        new("isced-3", "Ponadgimnazjalne (ISCED 3)"),
        new("isced-4", "Policealne (ISCED 4)"),
        new("isced-5-8", "Wyższe (ISCED 5-8)"),
    ];

    /// <summary>
    /// Status on the labour market at the start: the staff of a JST are employed, so only SM EFS's detailed categories of
    /// "Osoba pracująca" are offered (unemployed and inactive people are not this project's participants).
    /// </summary>
    public static readonly IReadOnlyList<EsfValue> LabourStatus =
    [
        new("employed-local-government", "Osoba pracująca w administracji samorządowej"),
        new("employed-government", "Osoba pracująca w administracji rządowej"),
        new("employed-ngo", "Osoba pracująca w organizacji pozarządowej"),
        new("employed-sme", "Osoba pracująca w MMŚP"),
        new("employed-large-enterprise", "Osoba pracująca w dużym przedsiębiorstwie"),
        new("self-employed", "Osoba prowadząca działalność na własny rachunek"),
        new("employed-other", "Inne"),
    ];

    /// <summary>The general status SM EFS asks beside the detailed one: every option above is employment.</summary>
    public const string Employed = "Osoba pracująca";

    /// <summary>Form of support given (ORE sets it; training unless ORE says otherwise).</summary>
    public static readonly IReadOnlyList<EsfValue> SupportForm =
    [
        new("training", "Szkolenie"),
        new("advisory", "Doradztwo"),
        new("training-and-advisory", "Szkolenie i doradztwo"),
    ];

    /// <summary>An answer to a special-category question: yes, no, or "odmawiam podania informacji".</summary>
    public static readonly IReadOnlyList<EsfValue> SpecialAnswer =
    [
        new("yes", "Tak"),
        new("no", "Nie"),
        new("refused", "Odmowa podania informacji"),
    ];

    public static bool IsCode(IReadOnlyList<EsfValue> values, string? code) => code is not null && values.Any(v => v.Code == code);

    /// <summary>The SM EFS wording of <paramref name="code"/>, or null for a code not in <paramref name="values"/> (or none).</summary>
    public static string? SmEfsOf(IReadOnlyList<EsfValue> values, string? code) => values.FirstOrDefault(v => v.Code == code)?.SmEfs;

    /// <summary>A validation message listing the codes, for a 400 that says what would be accepted.</summary>
    public static string Codes(IReadOnlyList<EsfValue> values) => string.Join(", ", values.Select(v => v.Code));
}
