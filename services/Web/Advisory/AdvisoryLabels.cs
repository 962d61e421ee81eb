using System.Globalization;
using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>The advisory API's words (stages, forms, states, stakeholder types, weekdays) and its numbers in the page's language.</summary>
public static class AdvisoryLabels
{
    public static string Stage(string stage) => stage switch
    {
        "diagnosis" => Text.Pick("diagnoza", "diagnosis"),
        "plan" => Text.Pick("plan strategiczny", "strategic plan"),
        "implementation" => Text.Pick("wdrażanie planu", "implementing the plan"),
        "other" => Text.Pick("inne", "other"),
        _ => stage,
    };

    public static string Mode(string mode) => mode switch
    {
        MeetingMode.Online => Text.Pick("online", "online"),
        MeetingMode.Onsite => Text.Pick("stacjonarnie", "on site"),
        _ => mode,
    };

    public static string MeetingStatus(string status) => status switch
    {
        Api.MeetingStatus.AwaitingApproval => Text.Pick("czeka na zgodę ORE (ponad budżet)", "awaiting ORE's approval (over budget)"),
        Api.MeetingStatus.Booked => Text.Pick("zarezerwowane", "booked"),
        Api.MeetingStatus.Held => Text.Pick("odbyte", "held"),
        Api.MeetingStatus.Cancelled => Text.Pick("odwołane", "cancelled"),
        _ => status,
    };

    public static string EngagementStatus(string status) => status switch
    {
        Api.EngagementStatus.Upcoming => Text.Pick("jeszcze się nie zaczęło", "not started yet"),
        Api.EngagementStatus.Active => Text.Pick("trwa", "active"),
        Api.EngagementStatus.Ended => Text.Pick("zakończone", "ended"),
        _ => status,
    };

    public static string DialogueKind(string kind) => kind switch
    {
        Api.DialogueKind.Dialogue => Text.Pick("spotkanie dialogowe", "dialogue meeting"),
        Api.DialogueKind.Debate => Text.Pick("debata oświatowa", "education debate"),
        _ => kind,
    };

    public static string DialogueStatus(string status) => status switch
    {
        Api.DialogueStatus.Planned => Text.Pick("zaplanowane", "planned"),
        Api.DialogueStatus.Held => Text.Pick("odbyte", "held"),
        Api.DialogueStatus.Cancelled => Text.Pick("odwołane", "cancelled"),
        _ => status,
    };

    public static string Stakeholder(string type) => type switch
    {
        "school-directors" => Text.Pick("dyrektorzy szkół", "school directors"),
        "teachers" => Text.Pick("nauczyciele", "teachers"),
        "parents" => Text.Pick("rodzice", "parents"),
        "pupils" => Text.Pick("uczniowie", "pupils"),
        "employers" => Text.Pick("pracodawcy", "employers"),
        "ngos" => Text.Pick("organizacje pozarządowe", "NGOs"),
        "councillors" => Text.Pick("radni", "councillors"),
        "others" => Text.Pick("inni", "others"),
        _ => type,
    };

    /// <summary>ISO weekday, 1 Monday … 7 Sunday, as the API numbers them.</summary>
    public static string Weekday(int weekday) => weekday switch
    {
        1 => Text.Pick("poniedziałek", "Monday"),
        2 => Text.Pick("wtorek", "Tuesday"),
        3 => Text.Pick("środa", "Wednesday"),
        4 => Text.Pick("czwartek", "Thursday"),
        5 => Text.Pick("piątek", "Friday"),
        6 => Text.Pick("sobota", "Saturday"),
        7 => Text.Pick("niedziela", "Sunday"),
        _ => weekday.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Hours as people write them: "12,5 h" in Polish, "12.5 h" in English.</summary>
    public static string Hours(double hours) => $"{hours.ToString("0.#", CultureInfo.CurrentCulture)} h";

    /// <summary>"12 maja 2026, 10:00–11:00": a meeting's day and hours, in Warsaw time.</summary>
    public static string MeetingTime(DateTimeOffset startsAt, DateTimeOffset endsAt) => $"{WarsawTime.Format(startsAt)}–{WarsawTime.Clock(endsAt)}";

    public static string MeetingTime(MeetingView meeting) => MeetingTime(meeting.StartsAt, meeting.EndsAt);

    /// <summary>A day of a term: "1 grudnia 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A length or coordinate of an SVG drawing: with a dot, whatever the page's language.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Term(EngagementView engagement) => $"{Day(engagement.StartsOn)} – {Day(engagement.EndsOn)}";
}
