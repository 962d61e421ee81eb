using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// One column of an SM EFS import file: its header, whether a value is required (always, or when another column holds a
/// given value), the values it allows and the form its value takes (a regular expression). Validation and export read the
/// same rules, so a row the report calls valid is exactly a row the file carries.
/// </summary>
[OpenApiSchemaName("SmEfsColumn")]
public sealed record SmEfsColumn(string Name, bool Required, IReadOnlyList<string>? Allowed = null, string? Format = null,
    string? RequiredWhenColumn = null, string? RequiredWhenValue = null);

/// <summary>A rule a row's value breaks: the column and what is wrong, in words.</summary>
[OpenApiSchemaName("SmEfsViolation")]
public sealed record SmEfsViolation(string Column, string Message);

/// <summary>An import layout: its columns' rules, each with how the value is taken from a row.</summary>
public sealed class SmEfsLayout<TRow>(IReadOnlyList<(SmEfsColumn Rule, Func<TRow, string?> Value)> columns)
{
    public IReadOnlyList<SmEfsColumn> Columns { get; } = [.. columns.Select(c => c.Rule)];

    public IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Name)];

    public IReadOnlyList<string?> Cells(TRow row) => [.. columns.Select(c => c.Value(row) is { Length: > 0 } v ? v : null)];

    /// <summary>Every rule the row's values break, column by column (empty: the row may be exported).</summary>
    public IReadOnlyList<SmEfsViolation> Violations(TRow row)
    {
        var cells = Cells(row);
        var byName = Columns.Select((c, i) => (c.Name, Value: cells[i])).ToDictionary(c => c.Name, c => c.Value);
        var violations = new List<SmEfsViolation>();
        for (var i = 0; i < Columns.Count; i++)
        {
            var (rule, value) = (Columns[i], cells[i]);
            var required = rule.Required || (rule.RequiredWhenColumn is { } other && byName.GetValueOrDefault(other) == rule.RequiredWhenValue);
            if (value is null)
            {
                if (required)
                {
                    violations.Add(new(rule.Name, rule.RequiredWhenColumn is null
                        ? Text.Pick("brak wymaganej wartości", "a required value is missing")
                        : Text.Pick($"wymagana, gdy „{rule.RequiredWhenColumn}” = {rule.RequiredWhenValue}",
                            $"required when \"{rule.RequiredWhenColumn}\" = {rule.RequiredWhenValue}")));
                }
                continue;
            }
            if (rule.Allowed is { } allowed && !allowed.Contains(value))
            {
                violations.Add(new(rule.Name, Text.Pick($"wartość spoza słownika: {value}", $"a value outside the dictionary: {value}")));
            }
            else if (rule.Format is { } format && !Regex.IsMatch(value, format, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                violations.Add(new(rule.Name, Text.Pick($"zły format: {value}", $"wrong format: {value}")));
            }
        }
        return violations;
    }
}

/// <summary>
/// The two SM EFS (CST2021) import layouts the project reports: participants ("Uczestnicy projektu") and institutions
/// supported ("Instytucje objęte wsparciem"), with the rules of the national guidance on monitoring 2021–2027 for the columns
/// this project fills. A participant is reported as an employee of an institution (the JST), so their contact data are the
/// JST's (its TERC location), not their home's.
/// </summary>
public static class SmEfsLayouts
{
    public const string Date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    public const string Poland = "Polska";
    public const string EmployeeOfInstitution = "Pracownik lub przedstawiciel instytucji";
    public const string JstInstitutionType = "Administracja publiczna – jednostka samorządu terytorialnego";
    public const string Yes = "Tak";
    public const string No = "Nie";

    private static IReadOnlyList<string> Values(IReadOnlyList<EsfValue> values) => [.. values.Select(v => v.SmEfs)];

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly SmEfsLayout<SmEfsParticipant> Participants = new(
    [
        (new("Kraj", true, [Poland]), _ => Poland),
        (new("Rodzaj uczestnika", true, [EmployeeOfInstitution]), _ => EmployeeOfInstitution),
        (new("Nazwa instytucji", true), p => p.Row.JstName),
        (new("Imię", true), p => p.Row.ErasedAt is null ? p.Row.Name.GivenNames : null),
        (new("Nazwisko", true), p => p.Row.ErasedAt is null ? p.Row.Name.Surname : null),
        (new("PESEL", false, Format: "^[0-9]{11}$", RequiredWhenColumn: "Brak PESEL", RequiredWhenValue: No), p => p.Row.Pesel),
        (new("Brak PESEL", true, [Yes, No]), p => p.Row.NoPesel switch { true => Yes, false => No, null => null }),
        (new("Płeć", true, Values(EsfValues.Sex)), p => EsfValues.SmEfsOf(EsfValues.Sex, p.Row.Sex)),
        (new("Wiek w chwili przystąpienia do projektu", true, Format: "^(1[5-9]|[2-9][0-9]|100)$"),
            p => p.Row.AgeAtStart?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (new("Wykształcenie", true, Values(EsfValues.Education)), p => EsfValues.SmEfsOf(EsfValues.Education, p.Row.Education)),
        (new("Województwo", true), p => p.Place.Voivodeship),
        (new("Powiat", false), p => p.Place.County),
        (new("Gmina", false), p => p.Place.Commune),
        (new("Kod TERYT instytucji", true, Format: "^[0-9]{2}([0-9]{2}([0-9]{3})?)?$"), p => p.Row.JstTerc),
        (new("Data rozpoczęcia udziału w projekcie", true, Format: Date), p => Day(p.Row.SupportStart)),
        (new("Data zakończenia udziału w projekcie", false, Format: Date), p => Day(p.Row.SupportEndOn)),
        (new("Status osoby na rynku pracy w chwili przystąpienia do projektu", true, [EsfValues.Employed]),
            p => p.Row.LabourStatus is null ? null : EsfValues.Employed),
        (new("Szczegóły statusu na rynku pracy", true, Values(EsfValues.LabourStatus)), p => EsfValues.SmEfsOf(EsfValues.LabourStatus, p.Row.LabourStatus)),
        (new("Rodzaj przyznanego wsparcia", true, Values(EsfValues.SupportForm)), p => EsfValues.SmEfsOf(EsfValues.SupportForm, p.Row.SupportForm)),
        (new("Data rozpoczęcia udziału we wsparciu", true, Format: Date), p => Day(p.Row.SupportStart)),
        (new("Osoba z niepełnosprawnościami", true, Values(EsfValues.SpecialAnswer)), p => EsfValues.SmEfsOf(EsfValues.SpecialAnswer, p.Special?.Disability)),
        (new("Osoba obcego pochodzenia", true, Values(EsfValues.SpecialAnswer)), p => EsfValues.SmEfsOf(EsfValues.SpecialAnswer, p.Special?.ForeignOrigin)),
        (new("Osoba państwa trzeciego", true, Values(EsfValues.SpecialAnswer)),
            p => EsfValues.SmEfsOf(EsfValues.SpecialAnswer, p.Special?.ThirdCountryNational)),
        (new("Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)", true, Values(EsfValues.SpecialAnswer)),
            p => EsfValues.SmEfsOf(EsfValues.SpecialAnswer, p.Special?.Minority)),
        (new("Osoba w kryzysie bezdomności lub dotknięta wykluczeniem z dostępu do mieszkań", true, Values(EsfValues.SpecialAnswer)),
            p => EsfValues.SmEfsOf(EsfValues.SpecialAnswer, p.Special?.Homelessness)),
    ]);

    public static readonly SmEfsLayout<SmEfsInstitution> Institutions = new(
    [
        (new("Kraj", true, [Poland]), _ => Poland),
        (new("Nazwa instytucji", true), i => i.Name),
        (new("NIP", true, Format: "^[0-9]{10}$"), i => i.Nip),
        (new("Typ instytucji", true, [JstInstitutionType]), _ => JstInstitutionType),
        (new("Kod TERYT", true, Format: "^[0-9]{2}([0-9]{2}([0-9]{3})?)?$"), i => i.Terc),
        (new("Województwo", true), i => i.Place.Voivodeship),
        (new("Powiat", false), i => i.Place.County),
        (new("Gmina", false), i => i.Place.Commune),
        (new("Miejscowość", true), i => i.Town),
        (new("Ulica", false), i => i.Street),
        (new("Nr budynku", true), i => i.BuildingNumber),
        (new("Kod pocztowy", true, Format: "^[0-9]{2}-[0-9]{3}$"), i => i.Postcode),
        (new("Data rozpoczęcia udziału w projekcie", true, Format: Date), i => Day(i.SupportStart)),
        (new("Data zakończenia udziału w projekcie", false, Format: Date), i => Day(i.SupportEnd)),
        (new("Czy wsparciem zostali objęci pracownicy instytucji", true, [Yes, No]), _ => Yes),
        (new("Rodzaj przyznanego wsparcia", true, Values(EsfValues.SupportForm)), i => EsfValues.SmEfsOf(EsfValues.SupportForm, i.SupportForm)),
    ]);
}

/// <summary>Where a JST lies, by the names of the units of its TERC code (a city with powiat rights is its own powiat).</summary>
public sealed record SmEfsPlace(string? Voivodeship, string? County, string? Commune);

/// <summary>A participant as the export sees them: their row, the place of their JST, and (to the ESF+ data role only) their special-category answers.</summary>
public sealed record SmEfsParticipant(ParticipantRow Row, SmEfsPlace Place, SpecialCategoryAnswers? Special);

/// <summary>A JST supported, as the institutions' export sees it.</summary>
public sealed record SmEfsInstitution(string Terc, string? Name, SmEfsPlace Place, string? Nip, string? Town, string? Street, string? BuildingNumber,
    string? Postcode, DateOnly? SupportStart, DateOnly? SupportEnd, string? SupportForm);
