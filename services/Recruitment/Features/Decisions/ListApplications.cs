using System.Globalization;
using System.Text;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;
using FluentValidation;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// GET /api/recruitment/rounds/{id}/applications — the operators' review list: submitted and decided
/// applications in ranking order (score, then submission time), filtered by status, województwo, kind,
/// risk of marginalisation and minimum score, and found by <c>q</c>: the start of a word of the JST's
/// name (case and Polish diacritics ignored), the start of its TERC code, or part of the coordinator's
/// name or e-mail address; paged by keyset.
/// </summary>
public static class ListApplications
{
    public const int MaxLimit = 200;

    /// <param name="Q">JST name (start of a word), TERC code (its start) or the coordinator's name or e-mail (any part).</param>
    public sealed record Query(string? Status, string? Voivodeship, string? Kind, bool? AtRisk, int? MinScore, string? Cursor, int Limit = 50,
        string? Q = null);

    [OpenApiSchemaName("ApplicationListItem")]
    public sealed record Item(Guid Id, string JstTerc, string JstName, string JstKind, string VoivodeshipTerc, bool AtRiskOfMarginalisation,
        string Status, int Score, DateTimeOffset SubmittedAt, int TeamSize, int Women, int Men, string CoordinatorName, bool? FormalCheck);

    [OpenApiSchemaName("ApplicationListPage")]
    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || ApplicationStatus.SinceSubmission.Contains(s))
                .WithMessage(_ => Text.Pick($"Status spośród: {string.Join(", ", ApplicationStatus.SinceSubmission)}.",
                    $"Status from: {string.Join(", ", ApplicationStatus.SinceSubmission)}."));
            RuleFor(q => q.Voivodeship).Matches("^[0-9]{2}$").When(q => q.Voivodeship is not null)
                .WithMessage(_ => Text.Pick("Województwo podaje się dwucyfrowym kodem TERC, np. 14.", "A województwo is given by its two-digit TERC code, e.g. 14."));
            RuleFor(q => q.Kind).Must(k => k is null || JstKind.All.Contains(k))
                .WithMessage(_ => Text.Pick($"Nieznany rodzaj JST. Dozwolone: {string.Join(", ", JstKind.All)}.", $"Unknown kind of JST. Allowed: {string.Join(", ", JstKind.All)}."));
            RuleFor(q => q.Q).MaximumLength(100)
                .WithMessage(_ => Text.Pick("Szukany tekst może mieć najwyżej 100 znaków.", "The search text may have at most 100 characters."));
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit)
                .WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(q => q.Cursor).Must(c => c is null || After(c) is not null)
                .WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    public static RouteHandlerBuilder MapListApplications(this IEndpointRouteBuilder api) => api
        .MapGet("/rounds/{id:guid}/applications", HandleAsync)
        .WithName("ListApplications")
        .WithSummary("Wnioski naboru do oceny / The round's applications for review")
        .Validate<Query>()
        .Produces<Page>()
        .RequireAuthorization(Policies.Operator);

    /// <summary>
    /// One search box for what an operator knows of an application: the JST's name or TERC code, or its
    /// coordinator. Names are compared without Polish diacritics, as the registry search does.
    /// </summary>
    private const string SearchSql = """
         AND ((@NamePrefix::text IS NOT NULL AND ' ' || j.search_name LIKE '% ' || @NamePrefix || '%')
           OR (@TercPrefix::text IS NOT NULL AND j.terc LIKE @TercPrefix || '%')
           OR EXISTS (SELECT 1 FROM team_members c
                      WHERE c.application_id = a.id AND c.is_coordinator AND c.left_at IS NULL
                        AND (translate(lower(c.full_name), 'ąćęłńóśźż', 'acelnoszz') LIKE '%' || @PersonPart || '%' ESCAPE '\'
                          OR lower(c.email) LIKE '%' || @EmailPart || '%' ESCAPE '\')))
        """;

    private sealed record Search(string? NamePrefix, string? TercPrefix, string PersonPart, string EmailPart)
    {
        public static Search? Of(string? q)
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return null;
            }
            var normalized = SearchText.Normalize(q);
            var byTerc = normalized.Length > 0 && normalized.All(char.IsAsciiDigit);
            return new Search(
                byTerc || normalized.Length == 0 ? null : normalized,
                byTerc ? normalized : null,
                Like(normalized.Length == 0 ? q.Trim().ToLowerInvariant() : normalized),
                Like(q.Trim().ToLowerInvariant()));
        }

        /// <summary>What was typed, taken literally inside LIKE.</summary>
        private static string Like(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
    }

    private static (int Score, DateTimeOffset SubmittedAt, Guid Id)? After(string? cursor) =>
        KeysetCursor.TryDecode(cursor, 3, out var key)
        && int.TryParse(key[0], CultureInfo.InvariantCulture, out var score)
        && DateTimeOffset.TryParse(key[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
        && Guid.TryParse(key[2], out var id) ? (score, at, id) : null;

    private static async Task<IResult> HandleAsync(Guid id, [AsParameters] Query query, DataSession session)
    {
        var sql = new StringBuilder($"""
            SELECT a.id, a.jst_terc, j.name AS jst_name, j.kind AS jst_kind, j.voivodeship_terc, j.at_risk_of_marginalisation,
                   a.status, a.score, a.submitted_at,
                   count(m.id)::int AS team_size, count(m.id) FILTER (WHERE m.sex = '{SexCategory.Woman}')::int AS women,
                   count(m.id) FILTER (WHERE m.sex = '{SexCategory.Man}')::int AS men,
                   coalesce(max(m.full_name) FILTER (WHERE m.is_coordinator), '') AS coordinator_name, a.formal_check
            FROM applications a
            JOIN jst j ON j.terc = a.jst_terc
            LEFT JOIN team_members m ON m.application_id = a.id AND m.left_at IS NULL
            WHERE a.round_id = @id AND a.status <> '{ApplicationStatus.Draft}'
            """);
        if (query.Status is not null) sql.Append(" AND a.status = @Status");
        if (query.Voivodeship is not null) sql.Append(" AND j.voivodeship_terc = @Voivodeship");
        if (query.Kind is not null) sql.Append(" AND j.kind = @Kind");
        if (query.AtRisk is not null) sql.Append(" AND j.at_risk_of_marginalisation = @AtRisk");
        if (query.MinScore is not null) sql.Append(" AND a.score >= @MinScore");
        var search = Search.Of(query.Q);
        if (search is not null) sql.Append(SearchSql);
        var after = After(query.Cursor);
        // Ranking order, descending score then ascending time: the keyset compares (-score, time, id).
        if (after is not null) sql.Append(" AND (-a.score, a.submitted_at, a.id) > (-@afterScore, @afterAt, @afterId)");
        sql.Append($" GROUP BY a.id, j.terc ORDER BY {Ranking.OrderBy} LIMIT @take");

        // An operator's session: every JST's applications.
        var items = (await session.QueryAsync<Item>(sql.ToString(), new
        {
            id, query.Status, query.Voivodeship, query.Kind, query.AtRisk, query.MinScore,
            search?.NamePrefix, search?.TercPrefix, search?.PersonPart, search?.EmailPart,
            afterScore = after?.Score, afterAt = after?.SubmittedAt.ToUniversalTime(), afterId = after?.Id, take = query.Limit + 1,
        })).ToList();
        var next = items.Count > query.Limit
            ? KeysetCursor.Encode(items[query.Limit - 1].Score.ToString(CultureInfo.InvariantCulture),
                items[query.Limit - 1].SubmittedAt.ToString("o", CultureInfo.InvariantCulture), items[query.Limit - 1].Id.ToString())
            : null;
        return TypedResults.Ok(new Page(items.Take(query.Limit).ToList(), next));
    }
}
