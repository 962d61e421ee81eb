using Cro.Publishing.Features.Practices;
using Cro.Publishing.Features.Template;

namespace Cro.Publishing.Features.Catalogue;

/// <summary>
/// GET /api/publishing/catalogue/practices — the published good practices, for anyone: with words (<c>q</c>), those whose
/// text has them in any inflected form, with or without Polish letters ("szkoły" finds "szkoła", "lacznosc" finds
/// "łączność"; websearch_to_tsquery on the polish_ascii configuration), best first (ts_rank_cd: title above summary, problem
/// and solution, above the rest), then newest; without words, newest first (what a feed or a sitemap reads). Filtered by
/// the facets, and counting each facet's values among the practices the other filters leave (so a reader sees how many
/// each choice would give). Paged.
/// </summary>
public static class SearchCatalogue
{
    /// <param name="Rank">How well the practice matches the words (higher is better); null without words.</param>
    /// <param name="Photo">The first photo, for the listing's picture.</param>
    [OpenApiSchemaName("CatalogueItem")]
    public sealed record Item(Guid Id, string Title, string Summary, string JstTerc, string JstName, string JstKind, string VoivodeshipTerc,
        string? VoivodeshipName, IReadOnlyList<string> Topics, decimal TotalCost, string Licence, int Year, DateTimeOffset PublishedAt,
        DateTimeOffset UpdatedAt, double? Rank, PublishedFile? Photo);

    /// <param name="Value">The facet's value: a topic's code, a kind, a województwo's TERC code, a year, a cost range's code.</param>
    /// <param name="Count">Practices with it among those the other filters leave.</param>
    [OpenApiSchemaName("CatalogueFacetCount")]
    public sealed record FacetCount(string Value, int Count);

    [OpenApiSchemaName("CatalogueFacets")]
    public sealed record Facets(IReadOnlyList<FacetCount> Topics, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Voivodeships,
        IReadOnlyList<FacetCount> Years, IReadOnlyList<FacetCount> CostRanges);

    /// <param name="Total">Practices found, on every page.</param>
    [OpenApiSchemaName("CatalogueSearchResult")]
    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<Item> Items, Facets Facets);

    /// <summary>A row as read (a class: Dapper fills it by name, whatever types the columns have).</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string JstTerc { get; init; } = "";
        public string JstName { get; init; } = "";
        public string JstKind { get; init; } = "";
        public string VoivodeshipTerc { get; init; } = "";
        public string? VoivodeshipName { get; init; }
        public string[] Topics { get; init; } = [];
        public decimal TotalCost { get; init; }
        public string Licence { get; init; } = "";
        public int Year { get; init; }
        public DateTimeOffset PublishedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public double? Rank { get; init; }
        public string? Photo { get; init; }
    }

    public static RouteHandlerBuilder MapSearchCatalogue(this IEndpointRouteBuilder api) => api
        .MapGet("/catalogue/practices", ([AsParameters] CatalogueQuery query, NpgsqlDataSource db, CancellationToken ct) => SearchAsync(db, query, ct))
        .WithName("SearchPublishedPractices")
        .WithSummary("Katalog dobrych praktyk: wyszukiwanie po polsku i filtry / The good practices catalogue: Polish search and facets")
        .Validate<CatalogueQuery>().Produces<Result>().AllowAnonymous();

    /// <summary>Each facet's filter, by the facet's name; a practice matches a search when it passes all of them (and the words).</summary>
    private static readonly (string Facet, string Filter)[] Filters =
    [
        ("topics", "(@topics::text[] IS NULL OR p.topics && @topics)"),
        ("kinds", "(@kind::text IS NULL OR p.jst_kind = @kind)"),
        ("voivodeships", "(@voivodeship::text IS NULL OR p.voivodeship_terc = @voivodeship)"),
        ("costs", "(@costFrom::numeric IS NULL OR p.total_cost >= @costFrom) AND (@costBelow::numeric IS NULL OR p.total_cost < @costBelow) "
            + "AND (@costUpTo::numeric IS NULL OR p.total_cost <= @costUpTo)"),
        ("years", "(@year::int IS NULL OR p.published_year = @year)"),
    ];

    /// <summary>In <c>matched</c>: the practice passes every facet's filter but <paramref name="except"/>'s (whose values are being counted).</summary>
    private static string Passes(string? except = null) => string.Join(" AND ", Filters.Where(f => f.Facet != except).Select(f => $"by_{f.Facet}"));

    /// <summary>The words as a query; NULL without words, or when every word is one the search ignores (i, w, na …).</summary>
    private const string Query = """
        WITH words AS (SELECT websearch_to_tsquery('polish_ascii', coalesce(@words, '')) AS q),
             search AS (SELECT CASE WHEN numnode(q) = 0 THEN NULL ELSE q END AS query FROM words)
        """;

    /// <summary>
    /// The total and every facet's counts in one pass: the practices with the words (through the search index) are read once,
    /// each with whether it passes each facet's filter, and each facet counts those passing all the others.
    /// </summary>
    private static readonly string Counts = $"""
        {Query},
        matched AS MATERIALIZED (
            SELECT p.topics, p.jst_kind, p.voivodeship_terc, p.total_cost, p.published_year,
                   {string.Join(", ", Filters.Select(f => $"{f.Filter} AS by_{f.Facet}"))}
            FROM published_practices p CROSS JOIN search
            WHERE query IS NULL OR p.search @@ query)
        SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM matched WHERE {Passes()}
        UNION ALL SELECT 'topics', topic, count(*)::int FROM matched, unnest(topics) AS topic WHERE {Passes("topics")} GROUP BY topic
        UNION ALL SELECT 'kinds', jst_kind, count(*)::int FROM matched WHERE {Passes("kinds")} GROUP BY jst_kind
        UNION ALL SELECT 'voivodeships', voivodeship_terc, count(*)::int FROM matched WHERE {Passes("voivodeships")} GROUP BY voivodeship_terc
        UNION ALL SELECT 'years', published_year::text, count(*)::int FROM matched WHERE {Passes("years")} GROUP BY published_year
        UNION ALL SELECT 'costs', r.code, count(*)::int
            FROM unnest(@rangeCodes::text[], @rangeFrom::numeric[], @rangeTo::numeric[]) AS r(code, low, high)
            JOIN matched m ON m.total_cost >= r.low AND (r.high IS NULL OR m.total_cost < r.high)
            WHERE {Passes("costs")} GROUP BY r.code
        """;

    /// <summary>The page: the matching practices ordered by rank (the score alone, for all of them), then only the page's rows read whole.</summary>
    private static readonly string Page = $"""
        {Query}
        SELECT p.practice_id AS id, p.title, p.summary, p.jst_terc, p.jst_name, p.jst_kind, p.voivodeship_terc, v.name AS voivodeship_name, p.topics,
               p.total_cost, p.licence, p.published_year AS year, p.published_at, p.updated_at, top.rank, (p.document -> 'photos' -> 0)::text AS photo
        FROM (SELECT p.practice_id, p.published_at, CASE WHEN query IS NULL THEN NULL ELSE ts_rank_cd(p.search, query)::float8 END AS rank
              FROM published_practices p CROSS JOIN search
              WHERE (query IS NULL OR p.search @@ query) AND {string.Join(" AND ", Filters.Select(f => f.Filter))}
              ORDER BY rank DESC NULLS LAST, p.published_at DESC, p.practice_id DESC
              OFFSET @offset LIMIT @size) AS top
        JOIN published_practices p ON p.practice_id = top.practice_id
        LEFT JOIN jst v ON v.terc = p.voivodeship_terc AND v.kind = 'voivodeship'
        ORDER BY top.rank DESC NULLS LAST, top.published_at DESC, top.practice_id DESC
        """;

    public static async Task<IResult> SearchAsync(NpgsqlDataSource db, CatalogueQuery query, CancellationToken ct)
    {
        // Published practices are public data, outside row-level security.
        await using var session = await DataSession.OpenAsync(db, JstScope.None, ct);
        var (costFrom, costBelow, costUpTo) = query.Cost;
        var parameters = new
        {
            words = query.Words, topics = query.Topic is { Length: > 0 } topics ? topics : null, kind = query.Kind, voivodeship = query.Voivodeship, costFrom,
            costBelow, costUpTo, year = query.Year, offset = (query.PageNumber - 1) * query.Size, size = query.Size,
            rangeCodes = CostRanges.All.Select(r => r.Code).ToArray(), rangeFrom = CostRanges.All.Select(r => r.From).ToArray(),
            rangeTo = CostRanges.All.Select(r => r.To).ToArray(),
        };
        using var rows = await session.QueryMultipleAsync($"{Counts};\n{Page}", parameters);
        var counts = (await rows.ReadAsync<(string Facet, string Value, int Count)>()).ToLookup(c => c.Facet, c => new FacetCount(c.Value, c.Count));
        var items = (await rows.ReadAsync<Row>()).Select(r => new Item(r.Id, r.Title, r.Summary, r.JstTerc, r.JstName, r.JstKind, r.VoivodeshipTerc,
            r.VoivodeshipName, r.Topics, r.TotalCost, r.Licence, r.Year, r.PublishedAt, r.UpdatedAt, r.Rank,
            r.Photo is null ? null : System.Text.Json.JsonSerializer.Deserialize<PublishedFile>(r.Photo, PracticeRow.Json))).ToList();
        // Most frequent first, ties by value; every cost range listed, those without practices at 0.
        IReadOnlyList<FacetCount> Facet(string name) => [.. counts[name].OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];
        var costs = counts["costs"].ToDictionary(c => c.Value, c => c.Count);
        return TypedResults.Ok(new Result(counts["total"].Single().Count, query.PageNumber, query.Size, items, new Facets(Facet("topics"), Facet("kinds"),
            Facet("voivodeships"), Facet("years"), [.. CostRanges.All.Select(r => new FacetCount(r.Code, costs.GetValueOrDefault(r.Code)))])));
    }
}
