using System.Globalization;
using System.Security.Claims;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>The kinds of JST compared with each other: gminy (urban, rural, urban-rural), powiaty, cities with powiat rights.</summary>
public static class JstGroup
{
    public const string Municipality = "gmina";
    public const string County = "powiat";
    public const string City = "city";
    public const string Voivodeship = "voivodeship";

    /// <summary>The group of a kind of the monitoring <c>jst</c> read model (null where the JST is not known there).</summary>
    public static string? Of(string? kind) => kind switch
    {
        "urban-municipality" or "rural-municipality" or "urban-rural-municipality" => Municipality,
        "county" => County,
        "city-county" => City,
        "voivodeship" => Voivodeship,
        _ => null,
    };

    public static string Label(string? group) => group switch
    {
        Municipality => Text.Pick("gminy", "gminy (municipalities)"),
        County => Text.Pick("powiaty", "powiaty (counties)"),
        City => Text.Pick("miasta na prawach powiatu", "cities with powiat rights"),
        Voivodeship => Text.Pick("województwa", "voivodeships"),
        _ => Text.Pick("nieznany rodzaj JST", "unknown kind of JST"),
    };
}

/// <summary>
/// The diagnosis each JST is compared by: its latest one with at least one submitted school questionnaire, with the
/// JST's kind group (from the <c>jst</c> read model) and its województwo (the first two TERC digits).
/// </summary>
public sealed record ComparableDiagnosis(Guid DiagnosisId, string JstTerc, string? JstName, string? Kind)
{
    public string? Group => JstGroup.Of(Kind);

    public string Voivodeship => JstTerc[..2];

    /// <summary>
    /// Every JST's comparable diagnosis. Needs a session that sees every JST: only medians and counts leave it.
    /// </summary>
    public static async Task<IReadOnlyList<ComparableDiagnosis>> ListAsync(DataSession session) => [.. await session.QueryAsync<ComparableDiagnosis>($"""
        SELECT DISTINCT ON (d.jst_terc) d.id AS diagnosis_id, d.jst_terc, j.name AS jst_name, j.kind
        FROM diagnoses d LEFT JOIN jst j ON j.terc = d.jst_terc
        WHERE EXISTS (SELECT 1 FROM questionnaires q
                      WHERE q.diagnosis_id = d.id AND q.school_id IS NOT NULL AND q.status = '{QuestionnaireStatus.Submitted}')
        ORDER BY d.jst_terc, d.started_at DESC, d.id DESC
        """)];
}

/// <summary>
/// The median of a figure over some JST; not shown (null) over fewer than <see cref="Medians.MinimumJst"/> JST, so no single
/// JST's (or school's) answer shows through a comparison.
/// </summary>
/// <param name="Group">What the JST compared have in common: a kind group (<see cref="JstGroup"/>) or a województwo's TERC.</param>
/// <param name="Jst">How many JST the median would be over.</param>
[OpenApiSchemaName("DiagnosisFigureMedian")]
public sealed record MedianComparison(string Group, int Jst, decimal? Median, bool Shown);

public static class Medians
{
    public const int MinimumJst = 3;

    public static MedianComparison Of(string group, IEnumerable<decimal?> values)
    {
        var sorted = values.OfType<decimal>().Order().ToList();
        if (sorted.Count < MinimumJst)
        {
            return new MedianComparison(group, sorted.Count, null, false);
        }
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new MedianComparison(group, sorted.Count, Math.Round(median, 2, MidpointRounding.AwayFromZero), true);
    }
}

/// <summary>Small numbers: a count of pupils below 5 is shown only to the JST's own team and its advisor.</summary>
public static class SmallNumbers
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public const string Hidden = "< 5";

    public static bool ShownTo(ClaimsPrincipal user, string terc) =>
        (Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)) && user.JstTerc() == terc)
        || (user.HasClaim(CroClaims.Role, Roles.Advisor) && user.AdvisedJstTercs().Contains(terc));

    public static bool Hides(FigureDefinition figure, decimal? value, bool shown) =>
        figure.PupilCount && !shown && value is < Figures.SmallNumber;

    /// <summary>A value as people read it: Polish digits, "&lt; 5" for a hidden one, "—" for none.</summary>
    public static string Display(decimal? value, bool hidden) =>
        hidden ? Hidden : value is { } v ? v.ToString("#,##0.##", Polish) : "—";
}
