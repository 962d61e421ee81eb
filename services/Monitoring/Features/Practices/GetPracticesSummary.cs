namespace Cro.Monitoring.Features.Practices;

/// <summary>
/// GET /api/monitoring/practices-summary — the good practices published in the catalogue now, counted: in total, per topic
/// (a practice counts under each of its topics), per kind of JST, and per JST with its topics. For ORE and for partners
/// with monitoring.read.
/// </summary>
public static class GetPracticesSummary
{
    [OpenApiSchemaName("PublishedPracticesOfTopic")]
    public sealed record TopicCount(string Topic, int Practices);

    [OpenApiSchemaName("PublishedPracticesOfJstKind")]
    public sealed record KindCount(string JstKind, int Practices, int Jst);

    [OpenApiSchemaName("PublishedPracticesOfJst")]
    public sealed record JstPractices(string JstTerc, string? JstName, string? JstKind, string? VoivodeshipTerc, int Practices, IReadOnlyList<TopicCount> Topics);

    /// <param name="Practices">Practices published now.</param>
    /// <param name="Jst">JST with at least one of them.</param>
    [OpenApiSchemaName("PublishedPracticesSummary")]
    public sealed record Summary(int Practices, int Jst, IReadOnlyList<TopicCount> ByTopic, IReadOnlyList<KindCount> ByJstKind, IReadOnlyList<JstPractices> ByJst);

    /// <summary>A row as read (a class: Dapper fills it by name, whatever types the columns have).</summary>
    private sealed class Row
    {
        public string JstTerc { get; init; } = "";
        public string? JstName { get; init; }
        public string? JstKind { get; init; }
        public string? VoivodeshipTerc { get; init; }
        public Guid PracticeId { get; init; }
        public string[] Topics { get; init; } = [];
    }

    public static RouteHandlerBuilder MapGetPracticesSummary(this IEndpointRouteBuilder api) => api
        .MapGet("/practices-summary", HandleAsync)
        .WithName("GetPublishedPracticesSummary")
        .WithSummary("Opublikowane dobre praktyki według JST i tematów / Published good practices by JST and topic")
        .Produces<Summary>().RequireAuthorization(Policies.PartnerOrOperator(Scopes.MonitoringRead));

    private static async Task<IResult> HandleAsync(DataSession session)
    {
        var rows = (await session.QueryAsync<Row>("""
            SELECT p.jst_terc, j.name AS jst_name, coalesce(p.jst_kind, j.kind) AS jst_kind, coalesce(p.voivodeship_terc, j.voivodeship_terc) AS voivodeship_terc,
                   p.practice_id, p.topics
            FROM published_practices p LEFT JOIN jst j ON j.terc = p.jst_terc
            WHERE p.published
            ORDER BY p.jst_terc, p.practice_id
            """)).ToList();
        static IReadOnlyList<TopicCount> Topics(IEnumerable<Row> practices) =>
            [.. practices.SelectMany(p => p.Topics).GroupBy(t => t).Select(g => new TopicCount(g.Key, g.Count()))
                .OrderByDescending(t => t.Practices).ThenBy(t => t.Topic, StringComparer.Ordinal)];
        var byJst = rows.GroupBy(r => r.JstTerc)
            .Select(g => new JstPractices(g.Key, g.First().JstName, g.First().JstKind, g.First().VoivodeshipTerc, g.Count(), Topics(g))).ToList();
        var byKind = rows.GroupBy(r => r.JstKind ?? "unknown")
            .Select(g => new KindCount(g.Key, g.Count(), g.Select(r => r.JstTerc).Distinct().Count())).OrderBy(k => k.JstKind, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new Summary(rows.Count, byJst.Count, Topics(rows), byKind, byJst));
    }
}
