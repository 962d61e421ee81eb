namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// GET /api/publishing/public/conferences/jst?q= — the JST of the registry whose name starts with (or, past those,
/// contains) the text, diacritics optional, for the registration form's institution field: at most 20, with their kind
/// and województwo to tell namesakes apart (there are several gminy of one name).
/// </summary>
public static class JstLookup
{
    [OpenApiSchemaName("ConferenceJstOption")]
    public sealed record JstOption(string Terc, string Name, string Kind, string? VoivodeshipName);

    public static IEndpointRouteBuilder MapJstLookup(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/conferences/jst", HandleAsync)
            .WithName("FindJstForConference").WithSummary("Wyszukaj JST do formularza zgłoszenia / Find a JST for the registration form")
            .Produces<IReadOnlyList<JstOption>>().ProducesValidationProblem()
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> HandleAsync(DataSession session, string? q = null)
    {
        var text = q?.Trim() ?? "";
        if (text.Length is < 2 or > 100)
        {
            return Problems.Field("q", "Wpisz od 2 do 100 znaków nazwy JST.", "Type 2 to 100 characters of the JST's name.");
        }
        var pattern = text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        return TypedResults.Ok((await session.QueryAsync<JstOption>("""
            SELECT j.terc, j.name, j.kind, v.name AS voivodeship_name
            FROM jst j LEFT JOIN jst v ON v.terc = j.voivodeship_terc
            WHERE unaccent(lower(j.name)) LIKE '%' || unaccent(lower(@pattern)) || '%'
            ORDER BY unaccent(lower(j.name)) LIKE unaccent(lower(@pattern)) || '%' DESC, j.name COLLATE "pl-x-icu", j.terc
            LIMIT 20
            """, new { pattern })).ToList());
    }
}
