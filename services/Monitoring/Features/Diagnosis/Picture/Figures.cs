namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>Which way a figure is better: up (more Wi-Fi) or down (fewer pupils per computer).</summary>
public enum Better
{
    Higher,
    Lower,
}

/// <summary>
/// A figure of the JST picture, defined once: its key, Polish and English name, unit, the question keys of the seeded
/// instrument it is computed from, the formula over the answers of the JST's submitted school questionnaires (and the
/// team's own, where a figure needs it), and the traffic light: green when at least as good as <see cref="Green"/>, red
/// when worse than <see cref="Red"/>, amber between; no light without thresholds.
/// </summary>
/// <param name="PupilCount">The figure counts pupils (an exclusion category): a value below 5 is shown as "&lt; 5" to
/// anyone but the JST's team and its advisor, and the JST are compared on its share of their pupils.</param>
public sealed record FigureDefinition(string Key, string NamePl, string NameEn, string Unit, IReadOnlyList<string> QuestionKeys,
    Func<JstAnswers, decimal?> Formula, decimal? Green = null, decimal? Red = null, Better Better = Better.Higher, bool PupilCount = false,
    IReadOnlyList<string>? ScaleKeys = null)
{
    public string Name => Text.Pick(NamePl, NameEn);

    /// <summary>green / amber / red, or null where the figure has no thresholds or no value.</summary>
    public string? Light(decimal? value)
    {
        if (value is not { } v || Green is not { } green || Red is not { } red)
        {
            return null;
        }
        var atLeastGreen = Better == Better.Higher ? v >= green : v <= green;
        var worseThanRed = Better == Better.Higher ? v < red : v > red;
        return atLeastGreen ? TrafficLight.Green : worseThanRed ? TrafficLight.Red : TrafficLight.Amber;
    }

    /// <summary>What JST are compared on: the value, or for a count of pupils its share of the pupils (per cent).</summary>
    public decimal? Compared(JstAnswers answers) => PupilCount
        ? answers.ShareOfPupils(QuestionKeys[0])
        : Formula(answers);

    /// <summary>The unit of <see cref="Compared"/>, of medians and of the thresholds.</summary>
    public string ComparedUnit => PupilCount ? "%" : Unit;
}

public static class TrafficLight
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";
}

/// <summary>
/// Every figure of the JST picture, mapped to the seeded instrument's (version 1) question keys here and nowhere else.
/// </summary>
public static class Figures
{
    /// <summary>Computers for pupils: the device types the 1 : 6 standard counts.</summary>
    public static readonly IReadOnlyList<string> ComputerTypes = ["desktop", "laptop", "tablet"];

    public const int SmallNumber = 5;

    public static readonly IReadOnlyList<string> DirectorScales = ["director_digital_leadership", "director_digital_tools", "director_data_protection"];

    public static readonly IReadOnlyList<string> TeacherScales =
        ["teachers_digital_resources", "teachers_teaching_learning", "teachers_assessment", "teachers_empowering_learners", "teachers_learners_competence"];

    public static readonly IReadOnlyList<string> PupilScales =
        ["pupils_information_literacy", "pupils_communication", "pupils_content_creation", "pupils_safety", "pupils_problem_solving"];

    public static readonly IReadOnlyList<FigureDefinition> All =
    [
        new("pupils_per_computer", "Liczba uczniów na jeden komputer (standard 1 : 6)", "Pupils per computer (standard 1 : 6)", "uczniów",
            ["pupils", "devices", "device_type", "devices_for_pupils"],
            a => Ratio(a.Sum("pupils"), a.RowSum("devices_for_pupils", "device_type", ComputerTypes)),
            Green: 6, Red: 10, Better: Better.Lower),
        new("wifi_every_classroom_share", "Szkoły z Wi-Fi w każdej sali lekcyjnej", "Schools with Wi-Fi in every classroom", "%",
            ["wifi_available", "classrooms_with_wifi", "classrooms"],
            a => Percent(a.Schools.Count(s => s.Choice("wifi_available") == "yes" && s.Number("classrooms_with_wifi") >= s.Number("classrooms")),
                a.Schools.Count),
            Green: 90, Red: 50),
        new("bandwidth_per_pupil", "Przepustowość łącza na ucznia (pobieranie)", "Bandwidth per pupil (download)", "Mb/s",
            ["bandwidth_download", "pupils"],
            a => Ratio(a.Sum("bandwidth_download"), a.Sum("pupils", where: s => s.Number("bandwidth_download") is not null), 3),
            Green: 1, Red: 0.3m),
        new("devices_older_than_5_years_share", "Urządzenia starsze niż 5 lat", "Devices older than 5 years", "%",
            ["devices", "device_age", "devices_owned"],
            a => Percent(a.RowSum("devices_owned", "device_age", ["over_5"]), a.RowSum("devices_owned", "device_age", ["under_2", "from_2_to_5", "over_5"])),
            Green: 20, Red: 40, Better: Better.Lower),
        new("it_staff_per_1000_pupils", "Etaty obsługi informatycznej na 1000 uczniów", "IT staff (FTE) per 1,000 pupils", "etatu",
            ["school_it_staff_fte", "central_it_staff_fte", "pupils"],
            a => Ratio((a.Sum("school_it_staff_fte") ?? 0) + (a.Team?.Number("central_it_staff_fte") ?? 0), a.Sum("pupils"), 2, per: 1000),
            Green: 2, Red: 1),
        Competence("director_competences", "Kompetencje cyfrowe dyrektorów (średnia 1–5)", "Directors' digital competences (mean 1–5)", DirectorScales),
        Competence("teacher_competences", "Kompetencje cyfrowe nauczycieli (średnia 1–5)", "Teachers' digital competences (mean 1–5)", TeacherScales),
        Competence("pupil_competences", "Kompetencje cyfrowe uczniów (średnia 1–5)", "Pupils' digital competences (mean 1–5)", PupilScales),
        Exclusion("pupils_without_device", "Uczniowie bez komputera w domu", "Pupils without a computer at home", Green: 2, Red: 5),
        Exclusion("pupils_without_internet", "Uczniowie bez wystarczającego internetu w domu", "Pupils without adequate internet at home", Green: 2, Red: 5),
        Exclusion("pupils_in_poverty", "Uczniowie z rodzin w trudnej sytuacji materialnej", "Pupils from families in financial hardship"),
        Exclusion("pupils_with_disabilities", "Uczniowie z orzeczeniem o potrzebie kształcenia specjalnego", "Pupils with a statement of special educational needs"),
        Exclusion("pupils_with_other_sen", "Inni uczniowie ze specjalnymi potrzebami edukacyjnymi", "Other pupils with special educational needs"),
    ];

    /// <summary>Every question key some figure reads: what the picture loads of the answers.</summary>
    public static readonly IReadOnlyList<string> QuestionKeys =
        [.. All.SelectMany(f => f.QuestionKeys.Concat(f.ScaleKeys ?? [])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static FigureDefinition Competence(string key, string pl, string en, IReadOnlyList<string> scales) =>
        new(key, pl, en, "pkt", scales, a => a.Distribution(scales).Mean, Green: 3.5m, Red: 2.5m, ScaleKeys: scales);

    private static FigureDefinition Exclusion(string key, string pl, string en, decimal? Green = null, decimal? Red = null) =>
        new(key, pl, en, "uczniów", [key, "pupils"], a => a.Sum(key), Green, Red, Better.Lower, PupilCount: true);

    public static decimal? Ratio(decimal? numerator, decimal? denominator, int decimals = 1, decimal per = 1) =>
        numerator is { } n && denominator is { } d && d != 0 ? Math.Round(n * per / d, decimals, MidpointRounding.AwayFromZero) : null;

    public static decimal? Percent(decimal? part, decimal? whole) => Ratio(part, whole, 1, 100);
}
