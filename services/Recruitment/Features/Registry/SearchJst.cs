using Dapper;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cro.Recruitment.Features.Registry;

/// <summary>
/// GET /api/recruitment/jst — finds JST by the start of any word of the name (insensitive to case and
/// Polish diacritics) or by the start of the TERC code, filtered by kind and województwo, in pages
/// ordered by name. A city with powiat rights is found once, as its gmina's seven-digit code; a four-digit city row
/// kept because an application named it (migration 0009) is not offered.
/// </summary>
public static class SearchJst
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record SearchJstRequest(string? Q, string? Kind, string? Voivodeship, string? Cursor, int? Limit);

    public sealed record SearchJstResponse(IReadOnlyList<JstResponse> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<SearchJstRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Q).MaximumLength(100)
                .WithMessage(_ => Text.Pick("Szukany tekst może mieć najwyżej 100 znaków.", "The search text may have at most 100 characters."));
            RuleFor(r => r.Kind).Must(k => k is null || JstKind.All.Contains(k))
                .WithMessage(_ => Text.Pick($"Nieznany rodzaj JST. Dozwolone: {string.Join(", ", JstKind.All)}.",
                    $"Unknown kind of JST. Allowed: {string.Join(", ", JstKind.All)}."));
            RuleFor(r => r.Voivodeship).Must(v => v is null || Terc.VoivodeshipCode().IsMatch(v))
                .WithMessage(_ => Text.Pick("Województwo podaje się dwucyfrowym kodem TERC, np. 14.",
                    "A województwo is given by its two-digit TERC code, e.g. 14."));
            RuleFor(r => r.Limit).InclusiveBetween(1, MaxLimit)
                .WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(r => r.Cursor).Must(c => c is null || KeysetCursor.TryDecode(c, 2, out _))
                .WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    public static RouteHandlerBuilder MapSearchJst(this IEndpointRouteBuilder api) => api
        .MapGet("/jst", HandleAsync)
        .WithName("SearchJst")
        .WithSummary("Wyszukaj JST / Search the JST registry")
        .WithDescription("Name prefix of any word (case and diacritics ignored: lodz finds Łódź) or TERC prefix; keyset paging via nextCursor.")
        .Validate<SearchJstRequest>()
        .AllowAnonymous();

    private const string Sql = JstRow.SelectSql + """

        WHERE j.superseded_by IS NULL
          AND (@namePrefix::text IS NULL OR ' ' || j.search_name LIKE '% ' || @namePrefix || '%')
          AND (@tercPrefix::text IS NULL OR j.terc LIKE @tercPrefix || '%')
          AND (@kind::text IS NULL OR j.kind = @kind)
          AND (@voivodeship::text IS NULL OR j.voivodeship_terc = @voivodeship)
          AND (@afterName::text IS NULL OR (j.search_name, j.terc) > (@afterName, @afterTerc))
        ORDER BY j.search_name, j.terc
        LIMIT @take
        """;

    private static async Task<Ok<SearchJstResponse>> HandleAsync([AsParameters] SearchJstRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        var limit = request.Limit ?? DefaultLimit;
        var query = SearchText.Normalize(request.Q ?? "");
        var byTerc = query.Length > 0 && query.All(char.IsAsciiDigit);
        KeysetCursor.TryDecode(request.Cursor, 2, out var after);

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<JstRow>(new CommandDefinition(Sql, new
        {
            namePrefix = query.Length == 0 || byTerc ? null : query,
            tercPrefix = byTerc ? query : null,
            kind = request.Kind,
            voivodeship = request.Voivodeship,
            afterName = after.ElementAtOrDefault(0),
            afterTerc = after.ElementAtOrDefault(1),
            take = limit + 1,
        }, cancellationToken: ct))).AsList();

        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? KeysetCursor.Encode(page[^1].SearchName, page[^1].Terc) : null;
        return TypedResults.Ok(new SearchJstResponse(page.Select(r => r.ToResponse()).ToList(), next));
    }
}
