namespace Cro.Identity.Features.Users;

/// <summary>How a person's JST is given: its TERC code (2 digits województwo, 4 powiat, 7 gmina).</summary>
public static class JstCodes
{
    public const string Pattern = "^[0-9]{2}([0-9]{2}([0-9]{3})?)?$";

    public static string RequiredMessage => Text.Pick("Osoba z zespołu JST potrzebuje kodu TERC swojej JST (2, 4 lub 7 cyfr).",
        "A JST team member needs the TERC code of their JST (2, 4 or 7 digits).");

    public static string OnlyForJstRolesMessage => Text.Pick("Kod JST podaje się tylko dla ról zespołu JST.", "A JST code is given only for JST team roles.");
}
