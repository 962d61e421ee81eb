namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// GET /api/monitoring/diagnosis-instrument — the current version of the diagnosis instrument; …/versions/{version} — any
/// version (a diagnosis names the one it follows); …/versions — their history. Public: the questions are no secret, and
/// a school reads them before it answers.
/// </summary>
public static class GetInstrument
{
    [OpenApiSchemaName("DiagnosisInstrumentVersion")]
    public sealed record VersionSummary(int Version, string Title, string? ChangeNote, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapGetInstrument(this IEndpointRouteBuilder api)
    {
        api.MapGet("/diagnosis-instrument", (DataSession session, InstrumentStore instruments) => FindAsync(session, instruments, null))
            .WithName("GetDiagnosisInstrument").WithSummary("Narzędzie diagnozy (aktualna wersja) / The diagnosis instrument (current version)")
            .Produces<InstrumentView>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/diagnosis-instrument/versions/{version:int}", (int version, DataSession session, InstrumentStore instruments) =>
                FindAsync(session, instruments, version))
            .WithName("GetDiagnosisInstrumentVersion").WithSummary("Wersja narzędzia diagnozy / A version of the diagnosis instrument")
            .Produces<InstrumentView>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/diagnosis-instrument/versions", async (DataSession session) => TypedResults.Ok((await session.QueryAsync<VersionSummary>(
                "SELECT version, title, change_note, created_at FROM instrument_versions ORDER BY version DESC")).ToList()))
            .WithName("ListDiagnosisInstrumentVersions").WithSummary("Wersje narzędzia diagnozy / Versions of the diagnosis instrument")
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> FindAsync(DataSession session, InstrumentStore instruments, int? version) =>
        await instruments.FindAsync(session, version) is { } instrument ? TypedResults.Ok(instrument.View) : InstrumentStore.VersionNotFound();
}
