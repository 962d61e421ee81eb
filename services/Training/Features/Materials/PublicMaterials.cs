using Dapper;
using Npgsql;

namespace Cro.Training.Features.Materials;

/// <summary>
/// For everyone, without signing in (the seed asks the materials to be open to JST outside the programme):
/// GET /api/training/public/materials?module=M1 (the public materials, of one module or all),
/// GET /api/training/public/materials/{id} and GET /api/training/public/materials/{id}/file. Only what an
/// operator marked public; anything else answers 404.
/// </summary>
public static class PublicMaterials
{
    public static IEndpointRouteBuilder MapPublicMaterials(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/materials", ListAsync)
            .WithName("ListPublicMaterials").WithSummary("Materiały publiczne / Public materials")
            .Produces<IReadOnlyList<MaterialView>>().AllowAnonymous();
        api.MapGet("/public/materials/{id:guid}", GetAsync)
            .WithName("GetPublicMaterial").WithSummary("Materiał publiczny / A public material")
            .Produces<MaterialView>().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/public/materials/{id:guid}/file", DownloadAsync)
            .WithName("DownloadPublicMaterial").WithSummary("Plik materiału publicznego / A public material's file")
            .ProducesFile().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    // Five modules with tens of materials each: one list, no paging.
    private static async Task<IResult> ListAsync(NpgsqlDataSource db, CancellationToken ct, string? module = null)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var materials = await connection.QueryAsync<MaterialView>(new CommandDefinition(Materials.Select(withText: false)
            + " WHERE is_public AND (@module::text IS NULL OR module_code = @module) ORDER BY module_code, created_at, id",
            new { module }, cancellationToken: ct));
        return TypedResults.Ok(materials.ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var material = await connection.QuerySingleOrDefaultAsync<MaterialView>(new CommandDefinition(Materials.Select(withText: true)
            + " WHERE id = @id AND is_public", new { id }, cancellationToken: ct));
        return material is null ? Materials.NotFound() : TypedResults.Ok(material);
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await Materials.DownloadAsync(connection, null, context, id, publicOnly: true, ct);
    }
}
