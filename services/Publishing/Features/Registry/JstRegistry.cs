namespace Cro.Publishing.Features.Registry;

/// <summary>The registry's JST as practices and the catalogue name them: its name, kind and województwo.</summary>
public static class JstRegistry
{
    /// <param name="Kind">One of voivodeship, county, city-county, urban-municipality, rural-municipality, urban-rural-municipality.</param>
    /// <param name="VoivodeshipName">The name of its województwo, when the registry has it.</param>
    public sealed record Jst(string Terc, string Name, string Kind, string VoivodeshipTerc, string? VoivodeshipName);

    public static Task<Jst?> FindAsync(DataSession session, string terc) =>
        session.QuerySingleOrDefaultAsync<Jst>("""
            SELECT j.terc, j.name, j.kind, j.voivodeship_terc, v.name AS voivodeship_name
            FROM jst j LEFT JOIN jst v ON v.terc = j.voivodeship_terc AND v.kind = 'voivodeship'
            WHERE j.terc = @terc
            """, new { terc });

    public static IResult NotFound(string terc) =>
        ProblemDetailsDefaults.NotFound($"Rejestr JST nie ma jednostki o kodzie TERC {terc}.", $"The JST registry has no unit with TERC code {terc}.");
}
