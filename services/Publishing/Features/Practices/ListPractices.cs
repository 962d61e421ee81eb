using System.Globalization;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// GET /api/publishing/practices — the practices the caller sees, latest changed first: a JST's team its JST's, an advisor
/// those of the JST they advise, ORE every JST's (what waits for the editor: <c>status=editor-review</c>); filtered by
/// <c>status</c> and <c>jst</c>, in pages (keyset: <c>cursor</c> from the previous page's <c>nextCursor</c>).
/// </summary>
public static class ListPractices
{
    public const int MaxLimit = 100;

    /// <param name="Status"><see cref="PracticeStatus"/>.</param>
    /// <param name="ByPartner">Written by the partner association's API client.</param>
    [OpenApiSchemaName("GoodPracticeListItem")]
    public sealed record Item(Guid Id, string JstTerc, string? JstName, string Title, string Status, int Round, IReadOnlyList<string> Topics, bool ByPartner,
        DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? PublishedAt);

    /// <param name="NextCursor">The cursor of the next page; null on the last.</param>
    [OpenApiSchemaName("GoodPracticeListPage")]
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    /// <summary>A row as read (a class: Dapper fills it by name, whatever types the columns have).</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string JstTerc { get; init; } = "";
        public string? JstName { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public int Round { get; init; }
        public string[] Topics { get; init; } = [];
        public bool ByPartner { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
    }

    public static RouteHandlerBuilder MapListPractices(this IEndpointRouteBuilder api) => api
        .MapGet("/practices", ([RepeatableRead] DataSession session, string? status, string? jst, string? cursor, int? limit) =>
            ListAsync(session, client: null, status, jst, cursor, limit))
        .WithName("ListPractices").WithSummary("Dobre praktyki JST w opracowaniu i ocenie / The JST's good practices being written and reviewed")
        .Produces<Page>().ProducesValidationProblem().RequireAuthorization(Policies.AdvisoryParty);

    /// <summary>A page of the practices the session sees; of <paramref name="client"/>'s only, when named (the partner's list).</summary>
    public static async Task<IResult> ListAsync(DataSession session, string? client, string? status, string? jst, string? cursor, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !PracticeStatus.All.Contains(status))
        {
            errors["status"] = [Text.Pick($"Stan spośród: {string.Join(", ", PracticeStatus.All)}.", $"The state is one of: {string.Join(", ", PracticeStatus.All)}.")];
        }
        var after = (Ticks: long.MaxValue, Id: Guid.Empty);
        if (cursor is not null && !(KeysetCursor.TryDecode(cursor, 2, out var key)
                && long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out after.Ticks) && Guid.TryParse(key[1], out after.Id)))
        {
            errors["cursor"] = [KeysetCursor.InvalidMessage];
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [KeysetCursor.LimitMessage(MaxLimit)];
        }
        if (errors.Count > 0)
        {
            return ProblemDetailsDefaults.ValidationProblem(errors);
        }
        var take = limit ?? 50;
        var rows = (await session.QueryAsync<Row>("""
            SELECT p.id, p.jst_terc, j.name AS jst_name, p.template ->> 'title' AS title, p.status, p.round,
                   ARRAY(SELECT jsonb_array_elements_text(coalesce(p.template -> 'topics', '[]'::jsonb))) AS topics,
                   (p.created_by_client IS NOT NULL) AS by_partner, p.updated_at, p.submitted_at, p.published_at
            FROM practices p LEFT JOIN jst j ON j.terc = p.jst_terc
            WHERE (@status::text IS NULL OR p.status = @status) AND (@jst::text IS NULL OR p.jst_terc = @jst)
              AND (@client::text IS NULL OR p.created_by_client = @client)
              AND (p.updated_at, p.id) < (@afterAt, @afterId)
            ORDER BY p.updated_at DESC, p.id DESC
            LIMIT @take
            """, new
        {
            status, jst, client, take = take + 1, afterId = after.Id,
            afterAt = after.Ticks == long.MaxValue ? DateTime.MaxValue : new DateTime(after.Ticks, DateTimeKind.Utc),
        })).ToList();
        var items = rows.Take(take).Select(r => new Item(r.Id, r.JstTerc, r.JstName, r.Title, r.Status, r.Round, r.Topics, r.ByPartner, r.UpdatedAt,
            r.SubmittedAt, r.PublishedAt)).ToList();
        var next = rows.Count > take
            ? KeysetCursor.Encode(items[^1].UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), items[^1].Id.ToString())
            : null;
        return TypedResults.Ok(new Page(items, next));
    }
}
