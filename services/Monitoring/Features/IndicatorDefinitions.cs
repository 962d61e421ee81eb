namespace Cro.Monitoring.Features;

/// <summary>
/// GET /api/monitoring/indicator-definitions — what each figure the platform reports counts, for anyone (the rules are
/// the programme's public commitments): one name per meaning, the rule the computation applies, the project card's
/// wording and the ESF+ definition it follows, the project's targets by sex. Kept as data (migration 0019): a changed
/// rule is a new version, and the latest of each is given. The indicator endpoints name theirs by <see cref="Codes"/>.
/// </summary>
public static class IndicatorDefinitions
{
    /// <summary>The codes of the definitions; each figure of an indicator endpoint is one of them.</summary>
    public static class Codes
    {
        public const string PeopleSupported = "people-supported";
        public const string CompetencesRaised = "competences-raised";
        public const string JstAdvised = "jst-advised";
        public const string PeopleInAcceptedTeams = "people-in-accepted-teams";
        public const string ConferenceParticipants = "conference-participants";
        public const string ConferenceJstReached = "conference-jst-reached";
        public const string PracticesPublished = "practices-published";
    }

    /// <param name="Kind">output or result (the project's indicators), or figure (reported beside them, not an indicator).</param>
    /// <param name="Unit">people, jst or practices.</param>
    /// <param name="SeedWording">The indicator as the project card words it; null for a figure.</param>
    /// <param name="EsfDefinition">The ESF+ definition the rule applies; null where none applies.</param>
    /// <param name="BySex">Whether it is reported by sex (women, men, non-binary, undisclosed).</param>
    /// <param name="TargetTotal">The project's target (with its split by sex where it has one); null for a figure.</param>
    [OpenApiSchemaName("IndicatorDefinition")]
    public sealed record Definition(string Code, int Version, string Kind, string Unit, string NamePl, string NameEn, string RulePl, string RuleEn,
        string? SeedWording, string? EsfDefinition, bool BySex, int? TargetTotal, int? TargetWomen, int? TargetMen, DateOnly ValidFrom);

    public static RouteHandlerBuilder MapIndicatorDefinitions(this IEndpointRouteBuilder api) => api
        .MapGet("/indicator-definitions", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var session = await DataSession.OpenAsync(db, JstScope.None, ct);
            return TypedResults.Ok(await LatestAsync(session));
        })
        .WithName("ListIndicatorDefinitions")
        .WithSummary("Definicje wskaźników: co liczymy, według jakiej reguły i źródła / What each indicator counts, by which rule and source")
        .Produces<List<Definition>>()
        .AllowAnonymous();

    /// <summary>The latest version of each definition: indicators (output, result) first, then figures.</summary>
    public static async Task<List<Definition>> LatestAsync(DataSession session) =>
        (await session.QueryAsync<Definition>("""
            SELECT DISTINCT ON (code) code, version, kind, unit, name_pl, name_en, rule_pl, rule_en, seed_wording, esf_definition, by_sex,
                   target_total, target_women, target_men, valid_from
            FROM indicator_definitions
            ORDER BY code, version DESC
            """)).OrderBy(d => d.Kind switch { "output" => 0, "result" => 1, _ => 2 }).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
}
