namespace Cro.Publishing.Features.Template;

/// <summary>
/// What a good practice is about, a fixed list (a practice names one or more): the programme's five training modules,
/// then the themes JST meet in the digitisation of their schools. Codes are stable; the catalogue filters by them.
/// </summary>
public static class PracticeTopics
{
    public static readonly IReadOnlyList<Choice> All =
    [
        new("m1-diagnosis", "Diagnoza stanu cyfryzacji szkół (moduł 1)", "Diagnosing the digital state of schools (module 1)"),
        new("m2-pupils-exclusion", "Wykluczenie cyfrowe dzieci i uczniów (moduł 2)", "Digital exclusion of children and pupils (module 2)"),
        new("m3-staff-competences", "Kompetencje cyfrowe kadr JST (moduł 3)", "Digital competences of JST staff (module 3)"),
        new("m4-strategic-plan", "Lokalny plan strategiczny cyfryzacji (moduł 4)", "The local strategic plan for digitisation (module 4)"),
        new("m5-participation", "Partycypacyjne wdrażanie planu (moduł 5)", "Implementing the plan participatively (module 5)"),
        new("exclusion", "Przeciwdziałanie wykluczeniu cyfrowemu", "Reducing digital exclusion"),
        new("infrastructure", "Infrastruktura: sieć, łączność, sprzęt", "Infrastructure: networks, connectivity, equipment"),
        new("competences", "Kompetencje cyfrowe nauczycieli i uczniów", "Digital competences of teachers and pupils"),
        new("teaching", "Nauczanie z technologią i zasoby edukacyjne", "Teaching with technology and learning resources"),
        new("management", "Zarządzanie oświatą i e-administracja", "Managing education and e-administration"),
        new("cybersecurity", "Cyberbezpieczeństwo i ochrona danych", "Cybersecurity and data protection"),
        new("cooperation", "Współpraca ze społecznością i partnerami", "Cooperation with the community and partners"),
        new("financing", "Finansowanie i pozyskiwanie środków", "Financing and raising funds"),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    public static string Message => Text.Pick($"Temat spośród: {string.Join(", ", Codes)}.", $"A topic is one of: {string.Join(", ", Codes)}.");
}

/// <summary>One entry of a fixed list: its code, and its name in Polish and English.</summary>
[OpenApiSchemaName("TemplateChoice")]
public sealed record Choice(string Code, string Pl, string En);
