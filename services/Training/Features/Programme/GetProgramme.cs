using Dapper;
using Npgsql;

namespace Cro.Training.Features.Programme;

/// <summary>
/// GET /api/training/programme — the current programme (public: the site shows the modules and their
/// outcomes to everyone); GET /api/training/programme/versions/{version} — any version, also public (a
/// cohort names the version it follows); GET /api/training/programme/versions — the history, for operators.
/// </summary>
public static class GetProgramme
{
    public sealed record VersionSummary(int Version, string? ChangeNote, Guid? CreatedBy, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapGetProgramme(this IEndpointRouteBuilder api)
    {
        api.MapGet("/programme", ([RepeatableRead] DataSession session) => FindAsync(session, null))
            .WithName("GetProgramme").WithSummary("Program szkolenia (aktualna wersja) / The training programme (current version)")
            .Produces<ProgrammeView>().AllowAnonymous();
        api.MapGet("/programme/versions/{version:int}", (int version, [RepeatableRead] DataSession session) => FindAsync(session, version))
            .WithName("GetProgrammeVersion").WithSummary("Wersja programu / A version of the programme")
            .Produces<ProgrammeView>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/programme/versions", ListAsync)
            .WithName("ListProgrammeVersions").WithSummary("Historia wersji programu / Versions of the programme")
            .Produces<IReadOnlyList<VersionSummary>>().RequireAuthorization(Cro.ServiceDefaults.Security.Policies.Operator);
        return api;
    }

    private static async Task<IResult> FindAsync(DataSession session, int? version)
    {
        var programme = await ProgrammeStore.FindAsync(session, version);
        return programme is null ? ProgrammeStore.VersionNotFound() : TypedResults.Ok(programme);
    }

    private static async Task<IResult> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var versions = await connection.QueryAsync<VersionSummary>(new CommandDefinition(
            "SELECT version, change_note, created_by, created_at FROM programme_versions ORDER BY version DESC", cancellationToken: ct));
        return TypedResults.Ok(versions.ToList());
    }
}
