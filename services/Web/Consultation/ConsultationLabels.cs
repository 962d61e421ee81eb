namespace Cro.Web.Consultation;

/// <summary>The plan consultation API's words (stakeholder types, answers, states, what a comment is about) in the page's language.</summary>
public static class ConsultationLabels
{
    public static readonly IReadOnlyList<string> StakeholderTypes = ["school-director", "teacher", "parent", "pupil", "employer", "ngo", "other"];

    public static string Stakeholder(string type) => type switch
    {
        "school-director" => Text.Pick("dyrektor szkoły", "school director"),
        "teacher" => Text.Pick("nauczyciel lub nauczycielka", "teacher"),
        "parent" => Text.Pick("rodzic lub opiekun", "parent or guardian"),
        "pupil" => Text.Pick("uczeń lub uczennica", "pupil"),
        "employer" => Text.Pick("pracodawca", "employer"),
        "ngo" => Text.Pick("organizacja pozarządowa", "non-governmental organisation"),
        "other" => Text.Pick("inna osoba", "someone else"),
        _ => type,
    };

    public static readonly IReadOnlyList<string> Answers = ["accepted", "partly", "rejected"];

    public static string Answer(string? answer) => answer switch
    {
        "accepted" => Text.Pick("uwzględniona", "accepted"),
        "partly" => Text.Pick("uwzględniona częściowo", "partly accepted"),
        "rejected" => Text.Pick("nieuwzględniona", "rejected"),
        null => Text.Pick("bez odpowiedzi", "not answered"),
        _ => answer,
    };

    public static string State(string state) => state switch
    {
        "scheduled" => Text.Pick("zaplanowane", "scheduled"),
        "open" => Text.Pick("trwają", "open"),
        "closed" => Text.Pick("zakończone", "closed"),
        _ => state,
    };

    public static string ClosedHow(string? how) => how switch
    {
        "team" => Text.Pick("przez zespół", "by the team"),
        "term" => Text.Pick("z upływem terminu", "at the end of the term"),
        _ => "",
    };

    /// <summary>What a comment is about: the whole plan, or a priority or action by its title.</summary>
    public static string Target(string kind, string? title) => kind switch
    {
        "priority" => Text.Pick($"priorytet: {title}", $"priority: {title}"),
        "action" => Text.Pick($"działanie: {title}", $"action: {title}"),
        _ => Text.Pick("cały plan", "the whole plan"),
    };

    public static string Link(string kind, string? email) => kind == "public"
        ? Text.Pick("łącze publiczne", "public link")
        : Text.Pick($"zaproszenie: {email ?? "adres usunięty"}", $"invitation: {email ?? "address erased"}");

    public static string LinkState(DateTimeOffset? revokedAt, string? revokedHow, bool consultationClosed) => revokedHow switch
    {
        "revoked" => Text.Pick($"unieważnione {WarsawTime.Format(revokedAt!.Value)}", $"revoked on {WarsawTime.Format(revokedAt!.Value)}"),
        "replaced" => Text.Pick($"zastąpione {WarsawTime.Format(revokedAt!.Value)}", $"replaced on {WarsawTime.Format(revokedAt!.Value)}"),
        _ => consultationClosed ? Text.Pick("wygasło z końcem konsultacji", "expired with the consultation") : Text.Pick("działa", "works"),
    };

    public static string FundingSource(string source) => source switch
    {
        "jst" => Text.Pick("środki własne JST", "the JST's own funds"),
        "fers" => "FERS",
        "feniks" => "FEnIKS",
        "regional" => Text.Pick("regionalny program FE", "regional EU programme"),
        "kpo" => "KPO",
        "other" => Text.Pick("inne", "other"),
        _ => source,
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
        ? System.Globalization.CultureInfo.GetCultureInfo("en-GB") : System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));

    public static string Money(double amount) => Cro.Web.Site.Amounts.Pln(amount);
}
