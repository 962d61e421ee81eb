using Cro.Web.Monitoring.Api;

namespace Cro.Web.Diagnosis;

/// <summary>A school as the team types it (adding or correcting one), and as the schools register's API takes it.</summary>
public sealed class SchoolInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? Town { get; set; }
    /// <summary>"tak", "nie", or empty for not known.</summary>
    public string? IsPublic { get; set; }
    public string? Reason { get; set; }

    public static SchoolInput Of(School school) => new()
    {
        Name = school.Name, Kind = school.Kind, Street = school.Street, HouseNumber = school.HouseNumber, Postcode = school.Postcode,
        Town = school.Town, IsPublic = school.IsPublic switch { true => "tak", false => "nie", null => "" },
    };

    public SchoolForm ToForm() => new()
    {
        Name = Name?.Trim() ?? "", Kind = Blank(Kind), Street = Blank(Street), HouseNumber = Blank(HouseNumber), Postcode = Blank(Postcode),
        Town = Town?.Trim() ?? "", IsPublic = IsPublic switch { "tak" => true, "nie" => false, _ => null }, Reason = Blank(Reason),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
