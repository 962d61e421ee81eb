namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// GET /api/monitoring/diagnoses — the diagnoses the caller may see, newest first, with completion across their schools:
/// a JST's team its own JST's, an advisor those of the JST they advise, ORE every JST's (filtered by <c>jstTerc</c>);
/// paged by keyset.
/// </summary>
public static class ListDiagnoses
{
    public const int MaxLimit = 200;

    public sealed record Query(string? JstTerc, string? Cursor, int Limit = 50);

    [OpenApiSchemaName("DiagnosisListItem")]
    public sealed record Item(Guid Id, string JstTerc, string? JstName, string Kind, int InstrumentVersion, DateTimeOffset StartedAt,
        DateTimeOffset? CollectionClosedAt, int Schools, int SchoolsSubmitted, int AveragePercent);

    [OpenApiSchemaName("DiagnosisListPage")]
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.JstTerc).Matches("^[0-9]{2,7}$").When(q => q.JstTerc is not null)
                .WithMessage(_ => Text.Pick("JST podaje się kodem TERC (2 do 7 cyfr).", "A JST is given by its TERC code (2 to 7 digits)."));
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(q => q.Cursor).Must(c => c is null || After(c) is not null).WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    public static RouteHandlerBuilder MapListDiagnoses(this IEndpointRouteBuilder api) => api
        .MapGet("/diagnoses", HandleAsync)
        .WithName("ListDiagnoses").WithSummary("Diagnozy JST z postępem zbierania danych / The JST's diagnoses with their progress")
        .Validate<Query>().Produces<Page>()
        .RequireAuthorization(Policies.AdvisoryParty);

    private static Guid? After(string? cursor) => KeysetCursor.TryDecode(cursor, 1, out var key) && Guid.TryParse(key[0], out var id) ? id : null;

    // Row-level security keeps the caller to the JST they may see.
    private static async Task<IResult> HandleAsync([AsParameters] Query query, DataSession session)
    {
        var items = (await session.QueryAsync<Item>("""
            SELECT d.id, d.jst_terc, j.name AS jst_name, d.kind, d.instrument_version, d.started_at, d.collection_closed_at,
                   count(q.id)::int AS schools,
                   count(q.id) FILTER (WHERE q.status = 'submitted')::int AS schools_submitted,
                   coalesce(floor(avg(CASE WHEN q.required_questions = 0 THEN 100 ELSE q.answered_required * 100 / q.required_questions END)), 0)::int
                       AS average_percent
            FROM diagnoses d
            LEFT JOIN jst j ON j.terc = d.jst_terc
            LEFT JOIN questionnaires q ON q.diagnosis_id = d.id AND q.school_id IS NOT NULL
            WHERE (@JstTerc::text IS NULL OR d.jst_terc = @JstTerc) AND (@after::uuid IS NULL OR d.id < @after)
            GROUP BY d.id, j.name
            ORDER BY d.id DESC
            LIMIT @take
            """, new { query.JstTerc, after = After(query.Cursor), take = query.Limit + 1 })).ToList();
        var next = items.Count > query.Limit ? KeysetCursor.Encode(items[query.Limit - 1].Id.ToString()) : null;
        return TypedResults.Ok(new Page([.. items.Take(query.Limit)], next));
    }
}
