using System.Text.Json;

namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// The school community a dialogue meeting or debate reaches, counted by type (the seed's list), never named. Stored
/// as a JSON object of counts; a type not listed is refused, a type left out counts as none.
/// </summary>
public static class Stakeholders
{
    public const string SchoolDirectors = "school-directors";
    public const string Teachers = "teachers";
    public const string Parents = "parents";
    public const string Pupils = "pupils";
    public const string Employers = "employers";
    public const string Ngos = "ngos";
    public const string Councillors = "councillors";
    public const string Others = "others";

    public static readonly IReadOnlyList<string> Types = [SchoolDirectors, Teachers, Parents, Pupils, Employers, Ngos, Councillors, Others];

    /// <summary>Counts of listed types, each 0–100 000.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, int>?> ValidCounts<T>(this IRuleBuilder<T, IReadOnlyDictionary<string, int>?> rule) =>
        rule.Must(counts => counts is null || counts.All(c => Types.Contains(c.Key) && c.Value is >= 0 and <= 100_000))
            .WithMessage(_ => Text.Pick($"Liczby osób podaje się dla typów: {string.Join(", ", Types)} (od 0 do 100 000).",
                $"Counts are given for the types {string.Join(", ", Types)} (0 to 100,000)."));

    /// <summary>Every type with its count (zero where none was given), in the list's order.</summary>
    public static IReadOnlyDictionary<string, int> Complete(IReadOnlyDictionary<string, int>? counts) =>
        Types.ToDictionary(type => type, type => counts?.GetValueOrDefault(type) ?? 0);

    /// <summary>As stored: <see cref="Complete"/> as a JSON object.</summary>
    public static string ToJson(IReadOnlyDictionary<string, int>? counts) => JsonSerializer.Serialize(Complete(counts));

    public static IReadOnlyDictionary<string, int> FromJson(string? json) =>
        json is null ? Types.ToDictionary(type => type, _ => 0) : JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;
}
