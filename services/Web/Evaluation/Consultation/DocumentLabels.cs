namespace Cro.Web.Evaluation.Consultation;

/// <summary>The document consultation API's words (kinds, version states, decisions, sources, audiences) in the page's language.</summary>
public static class DocumentLabels
{
    public static readonly IReadOnlyList<string> Kinds = ["concept", "programme", "material"];

    public static string Kind(string kind) => kind switch
    {
        "concept" => Text.Pick("koncepcja programu", "the programme's concept"),
        "programme" => Text.Pick("program szkolenia", "training programme"),
        "material" => Text.Pick("materiał", "material"),
        _ => kind,
    };

    public static string Status(string status) => status switch
    {
        "draft" => Text.Pick("projekt", "draft"),
        "in-consultation" => Text.Pick("w konsultacjach", "in consultation"),
        "published" => Text.Pick("opublikowana", "published"),
        "superseded" => Text.Pick("zastąpiona", "superseded"),
        _ => status,
    };

    public static string ConsultationState(string? state) => state switch
    {
        "scheduled" => Text.Pick("zaplanowane", "scheduled"),
        "open" => Text.Pick("trwają", "open"),
        "closed" => Text.Pick("zakończone", "closed"),
        null => "",
        _ => state,
    };

    public static readonly IReadOnlyList<string> Decisions = ["accepted", "partly", "rejected"];

    public static string Decision(string? decision) => decision switch
    {
        "accepted" => Text.Pick("uwzględniona", "accepted"),
        "partly" => Text.Pick("uwzględniona częściowo", "partly accepted"),
        "rejected" => Text.Pick("nieuwzględniona", "rejected"),
        null => Text.Pick("nierozstrzygnięta", "not decided"),
        _ => decision,
    };

    public static readonly IReadOnlyList<string> Sources = ["comment", "recommendation", "survey", "monitoring", "other"];

    public static string Source(string source) => source switch
    {
        "comment" => Text.Pick("uwaga z konsultacji", "a consultation comment"),
        "recommendation" => Text.Pick("rekomendacja partnera", "the partner's recommendation"),
        "survey" => Text.Pick("wynik ankiety", "a survey finding"),
        "monitoring" => Text.Pick("wniosek z monitorowania", "a monitoring conclusion"),
        "other" => Text.Pick("inna przyczyna", "another reason"),
        _ => source,
    };

    public static readonly IReadOnlyList<string> Audiences = ["jst", "workshop", "partner"];

    /// <summary>Whom a comment came through (never who wrote it).</summary>
    public static string Audience(string audience) => audience switch
    {
        "jst" => Text.Pick("przedstawiciele JST", "JST representatives"),
        "workshop" => Text.Pick("uczestnicy warsztatu", "a workshop's participants"),
        "partner" => Text.Pick("stowarzyszenie partnerskie", "the partner association"),
        _ => audience,
    };

    public static string Day(DateOnly day) => day.ToString(Text.Pick("d.MM.yyyy", "yyyy-MM-dd"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The public page of a published document.</summary>
    public static string PublicPath(string slug) => slug == "koncepcja" ? "/koncepcja" : $"/dokumenty/{slug}";

    /// <summary>The anchor of a consultation item (a comment or recommendation) on the public page, which the revision log links to.</summary>
    public static string ItemAnchor(Guid id) => $"pozycja-{id:N}";

    /// <summary>The anchor of a section of the published text; the service writes the same slug as the heading's id.</summary>
    public static string SectionAnchor(string slug) => slug;
}
