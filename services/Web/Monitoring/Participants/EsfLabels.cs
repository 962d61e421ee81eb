namespace Cro.Web.Monitoring.Participants;

/// <summary>
/// The ESF+ participant form's choices in words, by the codes monitoring takes (its EsfValues): what the person reads in the
/// form and ORE in the lists.
/// </summary>
public static class EsfLabels
{
    public static IReadOnlyList<(string Value, string Label)> Sex =>
    [
        ("woman", Text.Pick("kobieta", "woman")),
        ("man", Text.Pick("mężczyzna", "man")),
        ("non-binary", Text.Pick("osoba niebinarna", "non-binary person")),
    ];

    public static IReadOnlyList<(string Value, string Label)> Education =>
    [
        ("isced-0", Text.Pick("niższe niż podstawowe (ISCED 0)", "below primary (ISCED 0)")),
        ("isced-1", Text.Pick("podstawowe (ISCED 1)", "primary (ISCED 1)")),
        ("isced-2", Text.Pick("gimnazjalne (ISCED 2)", "lower secondary (ISCED 2)")),
        ("isced-3", Text.Pick("ponadgimnazjalne, np. liceum, technikum, szkoła branżowa (ISCED 3)",
            "upper secondary, e.g. general or technical school (ISCED 3)")),
        ("isced-4", Text.Pick("policealne (ISCED 4)", "post-secondary non-tertiary (ISCED 4)")),
        ("isced-5-8", Text.Pick("wyższe: licencjat, inżynier, magister, doktor (ISCED 5–8)", "tertiary: bachelor's, master's, doctorate (ISCED 5–8)")),
    ];

    public static IReadOnlyList<(string Value, string Label)> LabourStatus =>
    [
        ("employed-local-government", Text.Pick("pracuję w administracji samorządowej (urząd, jednostka JST)", "I work in local government administration")),
        ("employed-government", Text.Pick("pracuję w administracji rządowej", "I work in government administration")),
        ("employed-ngo", Text.Pick("pracuję w organizacji pozarządowej", "I work in a non-governmental organisation")),
        ("employed-sme", Text.Pick("pracuję w mikro-, małym lub średnim przedsiębiorstwie", "I work in a micro, small or medium enterprise")),
        ("employed-large-enterprise", Text.Pick("pracuję w dużym przedsiębiorstwie", "I work in a large enterprise")),
        ("self-employed", Text.Pick("prowadzę działalność na własny rachunek", "I am self-employed")),
        ("employed-other", Text.Pick("pracuję gdzie indziej", "I work elsewhere")),
    ];

    public static IReadOnlyList<(string Value, string Label)> SpecialAnswer =>
    [
        ("yes", Text.Pick("tak", "yes")),
        ("no", Text.Pick("nie", "no")),
        ("refused", Text.Pick("odmawiam podania informacji", "I refuse to give this information")),
    ];

    public static string SupportForm(string code) => code switch
    {
        "training" => Text.Pick("szkolenie", "training"),
        "advisory" => Text.Pick("doradztwo", "advisory"),
        "training-and-advisory" => Text.Pick("szkolenie i doradztwo", "training and advisory"),
        _ => code,
    };

    public static string Of(IReadOnlyList<(string Value, string Label)> options, string? code) =>
        code is null ? "—" : options.FirstOrDefault(o => o.Value == code).Label ?? code;
}
