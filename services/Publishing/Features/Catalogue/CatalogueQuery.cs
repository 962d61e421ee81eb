using Cro.Publishing.Features.Template;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Publishing.Features.Catalogue;

/// <summary>
/// What a reader of the catalogue asks for: words (<paramref name="Q"/>, the web search syntax: "quoted phrase", or, -word)
/// found in any inflected form and with or without Polish letters, and the facets: topics (any of them), the JST's kind and
/// województwo, the total cost (a range of the list, or from/to in PLN, both inclusive) and the year of first publication.
/// Pages of <paramref name="PageSize"/> from 1.
/// </summary>
/// <param name="Topic">Topic codes; a practice with any of them matches.</param>
/// <param name="Voivodeship">The województwo's TERC code (2 digits).</param>
/// <param name="CostRange">A code of the cost ranges (GET /api/publishing/template).</param>
public sealed record CatalogueQuery(
    [property: FieldLabel("Szukany tekst", "Search text")] [FromQuery(Name = "q")] string? Q,
    [property: FieldLabel("Tematy", "Topics")] [FromQuery(Name = "topic")] string[]? Topic,
    [property: FieldLabel("Rodzaj JST", "Kind of JST")] [FromQuery(Name = "kind")] string? Kind,
    [property: FieldLabel("Województwo", "Voivodeship")] [FromQuery(Name = "voivodeship")] string? Voivodeship,
    [property: FieldLabel("Przedział kosztów", "Cost range")] [FromQuery(Name = "costRange")] string? CostRange,
    [property: FieldLabel("Koszt od (zł)", "Cost from (PLN)")] [FromQuery(Name = "costFrom")] decimal? CostFrom,
    [property: FieldLabel("Koszt do (zł)", "Cost to (PLN)")] [FromQuery(Name = "costTo")] decimal? CostTo,
    [property: FieldLabel("Rok publikacji", "Year published")] [FromQuery(Name = "year")] int? Year,
    [property: FieldLabel("Strona", "Page")] [FromQuery(Name = "page")] int? Page,
    [property: FieldLabel("Wyników na stronie", "Results per page")] [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int MaxPageSize = 50;
    public const int DefaultPageSize = 20;

    /// <summary>The kinds of JST the registry knows.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["voivodeship", "county", "city-county", "urban-municipality", "rural-municipality", "urban-rural-municipality"];

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    /// <summary>The words to search for; null when there are none.</summary>
    public string? Words => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>The lower and upper bound of the total cost asked for, PLN (upper exclusive for a range of the list, inclusive otherwise).</summary>
    public (decimal? From, decimal? Below, decimal? UpTo) Cost => CostRanges.All.FirstOrDefault(r => r.Code == CostRange) is { } range
        ? (range.From, range.To, null)
        : (CostFrom, null, CostTo);
}

public sealed class CatalogueQueryValidator : AbstractValidator<CatalogueQuery>
{
    public CatalogueQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200)
            .WithMessage(_ => Text.Pick("Szukany tekst ma do 200 znaków.", "The search text has up to 200 characters."));
        RuleForEach(q => q.Topic).Must(t => PracticeTopics.Codes.Contains(t)).WithMessage(_ => PracticeTopics.Message);
        RuleFor(q => q.Kind).Must(k => k is null || CatalogueQuery.Kinds.Contains(k))
            .WithMessage(_ => Text.Pick($"Rodzaj JST spośród: {string.Join(", ", CatalogueQuery.Kinds)}.", $"The kind of JST is one of: {string.Join(", ", CatalogueQuery.Kinds)}."));
        RuleFor(q => q.Voivodeship).Matches("^[0-9]{2}$")
            .WithMessage(_ => Text.Pick("Województwo to dwucyfrowy kod TERC (np. 02).", "The voivodeship is a two-digit TERC code (e.g. 02)."));
        RuleFor(q => q.CostRange).Must(c => c is null || CostRanges.All.Any(r => r.Code == c))
            .WithMessage(_ => Text.Pick($"Przedział kosztów spośród: {string.Join(", ", CostRanges.All.Select(r => r.Code))}.",
                $"The cost range is one of: {string.Join(", ", CostRanges.All.Select(r => r.Code))}."));
        RuleFor(q => q.CostFrom).GreaterThanOrEqualTo(0)
            .WithMessage(_ => Text.Pick("Koszt od: 0 zł lub więcej.", "Cost from: PLN 0 or more."));
        RuleFor(q => q.CostTo).Must((q, to) => to is null || (to >= 0 && (q.CostFrom is null || to >= q.CostFrom)))
            .WithMessage(_ => Text.Pick("Koszt do: nie mniej niż koszt od.", "Cost to: no less than cost from."));
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100)
            .WithMessage(_ => Text.Pick("Rok publikacji: od 2000 do 2100.", "The year published: 2000 to 2100."));
        RuleFor(q => q.Page).InclusiveBetween(1, 10_000)
            .WithMessage(_ => Text.Pick("Strona: od 1.", "The page: from 1."));
        RuleFor(q => q.PageSize).InclusiveBetween(1, CatalogueQuery.MaxPageSize)
            .WithMessage(_ => Text.Pick($"Wyników na stronie: od 1 do {CatalogueQuery.MaxPageSize}.", $"Results per page: 1 to {CatalogueQuery.MaxPageSize}."));
    }
}
