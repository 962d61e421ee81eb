namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>Whom a participant of a plan's consultation speaks as (their own choice; the school community of the seed's target group 3).</summary>
public static class ConsultationStakeholder
{
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> All = new Dictionary<string, (string, string)>
    {
        ["school-director"] = ("dyrektor szkoły", "school director"),
        ["teacher"] = ("nauczyciel", "teacher"),
        ["parent"] = ("rodzic", "parent"),
        ["pupil"] = ("uczeń", "pupil"),
        ["employer"] = ("pracodawca", "employer"),
        ["ngo"] = ("organizacja pozarządowa", "non-governmental organisation"),
        ["other"] = ("inna osoba", "someone else"),
    };

    /// <summary>The types in the list's order.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. All.Keys];
}
